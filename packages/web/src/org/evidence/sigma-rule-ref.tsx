import { Badge, Group, Stack, Text } from "@mantine/core";
import type { TSigmaRuleRefView, TTriageRun } from "@sonae/core";
import { useTranslation } from "react-i18next";

/**
 * Author, rule link (inert text: never fetched or clickable, the rule set ships with Sonae),
 * licence and rule set of a Sigma hit, as the Detection Rule License 1.1 asks for every alert.
 */
export function SigmaRuleRef({ sigma }: { sigma: TSigmaRuleRefView }) {
  const { t } = useTranslation("triageSigma");
  const set = sigma.ruleSet;
  return (
    <Stack gap={2} data-testid="sigma-rule-ref">
      {sigma.status === "experimental" && (
        <Group gap="xs">
          <Badge color="grape" variant="light" size="sm">
            {t("experimental")}
          </Badge>
          <Text size="xs" c="dimmed">
            {t("experimentalHint")}
          </Text>
        </Group>
      )}
      <Text size="xs">
        {t("author")}: {sigma.author}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {t("rule")}: {sigma.link}
      </Text>
      <Text size="xs" c="dimmed">
        {t("licence")}: {sigma.licence} · {t("ruleSet")}: {set.name}
        {set.date ? ` (${set.date})` : ""}
      </Text>
    </Stack>
  );
}

/** Reasons come from @sonae/triage's sigma-rule-set.ts ("level info", "status …", …). */
const REASONS = [
  ["level ", "skippedLevel"],
  ["status ", "skippedStatus"],
  ["logsource not evaluated: ", "skippedLogsource"],
  ["not supported by the evaluator: ", "skippedEvaluator"],
] as const;

/** Which Sigma rule set (and date) a finished run used, and what it left out. */
export function SigmaRunLine({ sigma }: { sigma: TTriageRun["sigma"] }) {
  const { t } = useTranslation("triageSigma");
  const skipReason = (reason: string) => {
    const known = REASONS.find(([prefix]) => reason.startsWith(prefix));
    return known ? t(known[1], { detail: reason.slice(known[0].length) }) : reason;
  };
  if (!sigma)
    return (
      <Text size="xs" c="dimmed" data-testid="sigma-run">
        {t("notRun")}
      </Text>
    );
  const reasons = sigma.skipped.map((s) => `${skipReason(s.reason)} × ${s.count}`).join(", ");
  return (
    <Stack gap={0} data-testid="sigma-run">
      <Text size="xs" c="dimmed">
        {t("ruleSetUsed", {
          name: sigma.ruleSet.name,
          date: sigma.ruleSet.date ?? t("ruleSetUndated"),
          count: sigma.rulesRun,
        })}
      </Text>
      {reasons && (
        <Text size="xs" c="dimmed">
          {t("skipped", { reasons })}
        </Text>
      )}
    </Stack>
  );
}
