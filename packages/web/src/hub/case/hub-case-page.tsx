import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useHubCase, useHubMe } from "../hub-api";
import { CaseActions } from "./case-actions";
import { CaseMessages } from "./case-messages";
import { RelatedCases } from "./related-cases";
import { ReportPackageView } from "./report-package-view";

/** One case: triage, content (inert text), indicators, attachments, messages, related cases. */
export function HubCasePage() {
  const { t } = useTranslation("hub");
  const { id = "" } = useParams();
  const query = useHubCase(id);
  const me = useHubMe();
  const c = query.data;
  if (!c) return <FormError error={query.error} />;
  const role = me.data?.role;
  return (
    <Stack maw={960} gap="md">
      <Alert color="yellow" py="xs">
        {t("confidential")}
      </Alert>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>
          {c.reference} {c.title}
        </Title>
        <Group gap="xs">
          <Badge data-testid="case-status">{t(`hubExchange:status.${c.status}`)}</Badge>
          {c.category && <Badge color="grape">{t(`category.${c.category}`)}</Badge>}
          {c.keyStatus && (
            <Badge color={c.keyStatus === "active" ? "green" : "orange"}>
              {t(`keyStatus.${c.keyStatus}`)}
            </Badge>
          )}
          {c.escalated && <Badge color="red">{t("escalated")}</Badge>}
        </Group>
      </Group>
      <Text size="sm">
        {t(`hubExchange:kind.${c.kind}`)} · {t(`source.${c.source}`)} · {c.reporterName} · {t("received")}{" "}
        {formatWhen(c.receivedAt)} ·{" "}
        {c.acknowledgedAt
          ? `${t("responseDue")} ${formatWhen(c.responseDueAt)}`
          : `${t("ackDue")} ${formatWhen(c.ackDueAt)}`}
        {c.slaBreached && ` · ${t("slaBreached")}`}
      </Text>
      {(role === "intake_officer" || role === "unit_admin") && <CaseActions c={c} />}
      <Card withBorder>
        <Title order={3} size="h4">
          {t("payload")}
        </Title>
        <ReportPackageView payload={c.payload} />
      </Card>
      <Card withBorder>
        <Title order={3} size="h4">
          {t("indicators")}
        </Title>
        {c.indicators.map((i) => (
          <Text
            key={`${i.kind}:${i.value}`}
            size="sm"
            ff="monospace"
            style={{ wordBreak: "break-all" }}
            c={i.noisy ? "dimmed" : undefined}
          >
            {i.kind}: {i.value} {i.noisy && `(${t("noisy")})`}
          </Text>
        ))}
      </Card>
      {c.attachments.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4">
            {t("attachments")}
          </Title>
          {c.attachments.map((a) => (
            <Group key={a.id} gap="xs">
              <Text size="sm">{a.fileName}</Text>
              <Text size="xs" c="dimmed">
                {a.sizeBytes.toLocaleString()} B
              </Text>
              {/* Our own API (download with Content-Disposition: attachment), not attacker data. */}
              <Anchor size="sm" href={`/api/hub/cases/${c.id}/attachments/${a.id}`} download>
                {t("download")}
              </Anchor>
            </Group>
          ))}
        </Card>
      )}
      <CaseMessages c={c} />
      {(role === "analyst" || role === "unit_admin") && <RelatedCases id={c.id} />}
    </Stack>
  );
}
