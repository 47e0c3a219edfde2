import { Alert, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useHubAlerts, useHubCases, useHubMe } from "../hub-api";
import { OrgKeysPanel } from "./org-keys-panel";

/** The unit's queue with SLA clocks, and the analysts' related-case alerts. */
export function HubQueuePage() {
  const { t, i18n } = useTranslation("hub");
  const me = useHubMe();
  const cases = useHubCases();
  const role = me.data?.role;
  const alerts = useHubAlerts(role === "analyst" || role === "unit_admin");
  const en = i18n.language.startsWith("en");
  return (
    <Stack maw={960} gap="md">
      <Title order={2}>{t("queueTitle")}</Title>
      {me.data && (
        <Text size="sm">
          {t("unit")}: {en ? me.data.unit.nameEn : me.data.unit.nameJa} ·{" "}
          {role ? t(`hubRole.${role}`, { defaultValue: role }) : ""}
        </Text>
      )}
      <Alert color="yellow" py="xs">
        {t("confidential")}
      </Alert>
      <FormError error={me.error ?? cases.error} />
      {alerts.data && (
        <Card withBorder>
          <Title order={3} size="h4">
            {t("alerts")}
          </Title>
          {alerts.data.length === 0 && <Text size="sm">{t("noAlerts")}</Text>}
          {alerts.data.map((a) => (
            <Group key={a.id} gap="xs" data-testid="hub-alert">
              <Text component={Link} to={`/hub/cases/${a.reportId}`} fw={a.seen ? 400 : 700}>
                {a.reference}
              </Text>
              <Badge color="orange">{t("relatedCount", { n: a.relatedCount })}</Badge>
            </Group>
          ))}
        </Card>
      )}
      {cases.data?.length === 0 && <Text>{t("noCases")}</Text>}
      {cases.data?.map((c) => (
        <Card key={c.id} withBorder component={Link} to={`/hub/cases/${c.id}`} data-testid="hub-case">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>
              {c.reference} {c.title}
            </Text>
            <Group gap="xs">
              {c.slaBreached && <Badge color="red">{t("slaBreached")}</Badge>}
              {c.priority && <Badge color="grape">{t(`priority.${c.priority}`)}</Badge>}
              <Badge color={c.status === "new" ? "red" : "gray"}>{t(`hubExchange:status.${c.status}`)}</Badge>
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`hubExchange:kind.${c.kind}`)} · {t(`source.${c.source}`)} · {c.reporterName} · {t("received")}{" "}
            {formatWhen(c.receivedAt)} ·{" "}
            {c.acknowledgedAt
              ? `${t("responseDue")} ${formatWhen(c.responseDueAt)}`
              : `${t("ackDue")} ${formatWhen(c.ackDueAt)}`}
          </Text>
        </Card>
      ))}
      {role === "unit_admin" && <OrgKeysPanel />}
    </Stack>
  );
}
