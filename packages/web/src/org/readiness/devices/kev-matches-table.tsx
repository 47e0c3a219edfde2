import { Badge, Button, Card, Collapse, Group, Stack, Text } from "@mantine/core";
import type { TKevMatch } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../i18n/format";

/** One KEV entry: CVE, Japanese weakness name beside the KEV's English name, verdict basis, fix and due date. */
function MatchCard({ m, color }: { m: TKevMatch; color: "red" | "orange" | "gray" }) {
  const { t, i18n } = useTranslation("readiness");
  const lang = i18n.language === "en" ? "en" : "ja";
  const weakness = m.weaknesses.map((w) => (w.label ? `${w.label[lang]}（${w.cwe}）` : w.cwe)).join("、");
  return (
    <Card withBorder padding="sm" style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Group gap="xs" wrap="wrap">
        <Text ff="monospace" fw={700} size="sm">
          {m.cveID}
        </Text>
        <Badge color={color} variant="light">
          {t(`devices.verdicts.${m.versionVerdict}`)}
        </Badge>
        {m.knownRansomwareCampaignUse === "Known" && <Badge color="dark">{t("devices.ransomware")}</Badge>}
        {m.versionVerdict !== "not-affected-by-version" && (
          <Text size="sm" c={color === "red" ? "red" : undefined} fw={color === "red" ? 700 : undefined}>
            {t("devices.verdictList.due", { date: formatDate(m.dueDate) })}
          </Text>
        )}
        {m.versionVerdict === "affected" && (
          <Text size="sm" fw={700}>
            {m.fixedVersion
              ? t("devices.verdictList.fixed", { version: m.fixedVersion })
              : t("devices.verdictList.noFixed")}
          </Text>
        )}
      </Group>
      {weakness && (
        <Text size="sm">
          {t("devices.verdictList.weakness")}: {weakness}
        </Text>
      )}
      <Text size="xs" c="dimmed" lang="en">
        {m.vulnerabilityName}
      </Text>
      <Text size="xs">
        {t("devices.verdictList.basis")}: {m.reason[lang]}
      </Text>
      {m.versionVerdict === "version-unknown" && m.advisoryUrl && (
        <Text size="xs" c="dimmed">
          {t("devices.verdictList.advisory")}:{" "}
          <Text span ff="monospace" size="xs" style={{ wordBreak: "break-all", userSelect: "all" }}>
            {m.advisoryUrl}
          </Text>
        </Text>
      )}
    </Card>
  );
}

/**
 * KEV entries of one device, led by what needs action: affected (red, with the fixed version and the KEV due
 * date), then unknown (amber, check the vendor advisory, shown as inert text), then the not-affected ones
 * counted quietly with their basis on request.
 */
export function KevMatchesTable({ matches }: { matches: TKevMatch[] }) {
  const { t } = useTranslation("readiness");
  const [showQuiet, setShowQuiet] = useState(false);
  if (matches.length === 0) return <Text size="sm">{t("devices.kevNoMatch")}</Text>;
  const of = (v: TKevMatch["versionVerdict"]) => matches.filter((m) => m.versionVerdict === v);
  const affected = of("affected");
  const unknown = of("version-unknown");
  const notAffected = of("not-affected-by-version");
  return (
    <Stack gap="sm" data-testid="kev-matches">
      {affected.length > 0 && (
        <Stack gap="xs" data-testid="kev-affected">
          <Text fw={700} c="red">
            {t("devices.verdictList.affected", { count: affected.length })}
          </Text>
          {affected.map((m) => (
            <MatchCard key={m.cveID} m={m} color="red" />
          ))}
        </Stack>
      )}
      {unknown.length > 0 && (
        <Stack gap="xs" data-testid="kev-unknown">
          <Text fw={700} c="orange.8">
            {t("devices.verdictList.unknown", { count: unknown.length })}
          </Text>
          {unknown.map((m) => (
            <MatchCard key={m.cveID} m={m} color="orange" />
          ))}
        </Stack>
      )}
      {notAffected.length > 0 && (
        <Stack gap="xs" data-testid="kev-not-affected">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t("devices.verdictList.notAffected", { count: notAffected.length })}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setShowQuiet((v) => !v)}>
              {t("devices.verdictList.showNotAffected")}
            </Button>
          </Group>
          <Collapse expanded={showQuiet}>
            <Stack gap="xs">
              {notAffected.map((m) => (
                <MatchCard key={m.cveID} m={m} color="gray" />
              ))}
            </Stack>
          </Collapse>
        </Stack>
      )}
    </Stack>
  );
}
