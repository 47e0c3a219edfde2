import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { FormError } from "../../components/form-error";
import { ChecklistTab } from "./checklist-tab";
import { DeadlinesTab } from "./deadlines-tab";
import { DemandTab } from "./demand-tab";
import { ExportTab } from "./export-tab";
import { useIncident, useIncidentChange } from "./incident-api";
import { IndicatorsTab } from "./indicators-tab";
import { TimelineTab } from "./timeline-tab";

const TABS = ["checklist", "timeline", "demand", "indicators", "deadlines", "disclosure", "export"] as const;
type Tab = (typeof TABS)[number];

/** One incident: its tabs are routes (/incidents/:id/<tab>) so checklist links can point at them. */
export function IncidentPage() {
  const { t } = useTranslation("incidents");
  const { id = "", tab } = useParams();
  const navigate = useNavigate();
  const query = useIncident(id);
  const status = useIncidentChange<{ status: "open" | "closed" }>(id, "PATCH", () => `/api/incidents/${id}`);
  const current: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : "checklist";
  const incident = query.data;
  if (!incident) return <FormError error={query.error} />;
  return (
    <Stack maw={960} gap="md">
      <Alert color="yellow" py="xs">
        {t("confidential")}
      </Alert>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>
          {incident.reference} {incident.title}
        </Title>
        <Group gap="xs">
          <Badge color={incident.status === "open" ? "red" : "gray"}>{t(`status.${incident.status}`)}</Badge>
          {incident.status !== "draft" && (
            <Button
              size="xs"
              variant="default"
              loading={status.isPending}
              onClick={() => status.mutate({ status: incident.status === "open" ? "closed" : "open" })}
            >
              {incident.status === "open" ? t("close") : t("reopen")}
            </Button>
          )}
        </Group>
      </Group>
      <FormError error={status.error} />
      <Text size="sm">
        {incident.symptoms.map((s) => t(`symptom.${s}`)).join(" / ")}{" "}
        <Anchor component={Link} to={`/incidents/${id}/wizard`} size="sm">
          {t("editIntake")}
        </Anchor>{" "}
        <Anchor
          component={Link}
          to={`/evidence?incident=${id}`}
          size="sm"
          data-testid="incident-evidence-link"
        >
          {t("evidenceLink")}
        </Anchor>
      </Text>
      <Tabs value={current} onChange={(v) => v && navigate(`/incidents/${id}/${v}`)} keepMounted={false}>
        <Tabs.List style={{ overflowX: "auto", flexWrap: "nowrap" }}>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="checklist" pt="md">
          <ChecklistTab incident={incident} checklist="first-response" />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab incident={incident} />
        </Tabs.Panel>
        <Tabs.Panel value="demand" pt="md">
          <DemandTab incident={incident} />
        </Tabs.Panel>
        <Tabs.Panel value="indicators" pt="md">
          <IndicatorsTab incident={incident} />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines" pt="md">
          <DeadlinesTab incident={incident} />
        </Tabs.Panel>
        <Tabs.Panel value="disclosure" pt="md">
          <ChecklistTab incident={incident} checklist="disclosure" />
        </Tabs.Panel>
        <Tabs.Panel value="export" pt="md">
          <ExportTab incident={incident} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
