import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import type { TDrill } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { currentLang, formatDateTime } from "./plans-format";

/** The after-action report on screen: summary, timeline (injects, expected and recorded decisions), findings. */
export function DrillReport({ drill }: { drill: TDrill }) {
  const { t } = useTranslation("plans");
  const lang = currentLang();
  return (
    <Stack gap="md" data-testid="drill-report">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t("runner.report")}</Title>
        {/* Our own API's download (audited on the server). */}
        <Anchor href={`/api/drills/${drill.id}/report.pdf?lang=${lang}`} download>
          {t("runner.downloadPdf")}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {drill.finishedAt && t("drills.finishedAt", { date: formatDateTime(drill.finishedAt) })}
      </Text>
      {drill.summary && <Text>{drill.summary}</Text>}
      {drill.dueInjects.map((inject, i) => {
        const decisions = drill.decisions.filter((d) => d.injectId === inject.id);
        return (
          <Card withBorder key={inject.id} padding="sm">
            <Text fw={600}>
              {t("runner.inject", { n: i + 1, minute: inject.minute })} {inject.phase[lang]}
            </Text>
            <Text size="sm">{inject.text[lang]}</Text>
            <Text size="sm" fw={600} mt={4}>
              {t("runner.expected")}
            </Text>
            <List size="sm">
              {inject.expected.map((e) => (
                <List.Item key={e.ja}>{e[lang]}</List.Item>
              ))}
            </List>
            <Text size="sm" fw={600} mt={4}>
              {t("runner.decisions")}
            </Text>
            {decisions.length === 0 ? (
              <Text size="sm" c="red">
                {t("runner.noDecision")}
              </Text>
            ) : (
              decisions.map((d) => (
                <Text size="sm" key={d.id}>
                  {t("runner.minute", { minute: d.minute })} {d.participant}: {d.text}
                </Text>
              ))
            )}
          </Card>
        );
      })}
      <Title order={4}>{t("runner.findings")}</Title>
      {drill.findings.map((f) => (
        <Card withBorder key={f.id} padding="sm" data-testid="drill-finding">
          <Group gap="xs">
            <Badge color={f.severity === "high" ? "red" : f.severity === "medium" ? "orange" : "gray"}>
              {t(`severity.${f.severity}`)}
            </Badge>
            <Text fw={600}>{f.title[lang]}</Text>
            <Text size="xs" c="dimmed">
              {t(`runner.origin.${f.origin}`)}
            </Text>
          </Group>
          <Text size="sm">{f.fix[lang]}</Text>
        </Card>
      ))}
    </Stack>
  );
}
