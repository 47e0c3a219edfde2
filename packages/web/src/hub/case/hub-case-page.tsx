import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { IdentityPanel } from "../admin/identity-panel";
import { useCaseAlerts, useHubCase, useHubMe } from "../hub-api";
import { AlertDetails } from "./alert-details";
import { CaseActions } from "./case-actions";
import { CaseMessages } from "./case-messages";
import { RelatedCases } from "./related-cases";
import { ReportPackageView } from "./report-package-view";

/**
 * Printing the case page prints the case only: the app's header, navigation and the buttons are
 * hidden, and the content takes the full page width.
 */
const PRINT_CSS = `@media print {
  header, nav, .mantine-AppShell-header, .mantine-AppShell-navbar, .hub-no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; }
  .hub-case-page { max-width: none !important; }
}`;

/** One case: triage, content (inert text), indicators, attachments, messages, related cases. */
export function HubCasePage() {
  const { t } = useTranslation("hub");
  const { id = "" } = useParams();
  const query = useHubCase(id);
  const role = useHubMe().data?.role;
  const alerts = useCaseAlerts(id, role === "analyst" || role === "unit_admin");
  const c = query.data;
  if (!c) return <FormError error={query.error} />;
  return (
    <Stack maw={960} gap="md" className="hub-case-page">
      <style>{PRINT_CSS}</style>
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
          {c.relatedCount > 0 && (
            <Badge color="orange" variant="light" data-testid="related-exist">
              {t("relatedExist", { n: c.relatedCount })}
            </Badge>
          )}
        </Group>
      </Group>
      <Group gap="xs" className="hub-no-print">
        {/* Our own API: the case laid out as the report package plus messages, actions and audit trail. */}
        <Button
          component="a"
          href={`/api/hub/cases/${c.id}/export.pdf`}
          target="_blank"
          rel="noopener"
          variant="default"
          size="xs"
          data-testid="export-pdf"
        >
          {t("exportPdf")}
        </Button>
        <Button variant="default" size="xs" onClick={() => window.print()}>
          {t("print")}
        </Button>
      </Group>
      {alerts.data?.map((a) => (
        <Card withBorder key={a.id} data-testid="case-alert">
          <Title order={3} size="h4">
            {t("alerts")} · {t("relatedCount", { n: a.relatedCount })}
          </Title>
          <AlertDetails alert={a} />
        </Card>
      ))}
      <Text size="sm">
        {t(`hubExchange:kind.${c.kind}`)} · {t(`source.${c.source}`)} · {c.reporterName} · {t("received")}{" "}
        {formatWhen(c.receivedAt)} ·{" "}
        {c.acknowledgedAt
          ? `${t("responseDue")} ${formatWhen(c.responseDueAt)}`
          : `${t("ackDue")} ${formatWhen(c.ackDueAt)}`}
        {c.slaBreached && ` · ${t("slaBreached")}`}
      </Text>
      <IdentityPanel identity={c.identity} />
      {c.allowedActions.includes("case.triage") && <CaseActions c={c} />}
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
      {c.allowedActions.includes("case.related") && <RelatedCases id={c.id} />}
    </Stack>
  );
}
