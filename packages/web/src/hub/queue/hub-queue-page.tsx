import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../../components/form-error";
import { AlertDetails } from "../case/alert-details";
import { type QueueParams, useHubAlerts, useHubMe, useHubQueue } from "../hub-api";
import { OrgKeysPanel } from "./org-keys-panel";
import { QueueFilters } from "./queue-filters";
import { type QueueSort, QueueTable } from "./queue-table";

/** The unit's queue as a sortable, filterable table with keyset pages, and the analysts' alerts. */
export function HubQueuePage() {
  const { t, i18n } = useTranslation("hub");
  const me = useHubMe();
  const [filters, setFilters] = useState<QueueParams>({ key: "confirmed" });
  const [sort, setSort] = useState<{ sort: QueueSort; dir: "asc" | "desc" }>({
    sort: "received",
    dir: "desc",
  });
  const [cursors, setCursors] = useState<string[]>([]);
  const cases = useHubQueue({ ...filters, ...sort, cursor: cursors.at(-1) });
  const role = me.data?.role;
  const alerts = useHubAlerts(role === "analyst" || role === "unit_admin");
  const en = i18n.language.startsWith("en");
  const restart = () => setCursors([]);
  return (
    <Stack gap="md">
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
            <Stack key={a.id} gap={2} data-testid="hub-alert">
              <Group gap="xs">
                <Text
                  component={Link}
                  to={`/hub/cases/${a.reportId}`}
                  fw={a.seen ? 400 : 700}
                  data-testid="hub-alert-case"
                >
                  {a.reference}
                </Text>
                <Badge color="orange">{t("relatedCount", { n: a.relatedCount })}</Badge>
              </Group>
              <AlertDetails alert={a} />
            </Stack>
          ))}
        </Card>
      )}
      <QueueFilters
        value={filters}
        unconfirmedOpen={cases.data?.unconfirmedOpen ?? 0}
        onChange={(next) => {
          setFilters(next);
          restart();
        }}
      />
      {cases.data?.items.length === 0 && <Text>{t("noCases")}</Text>}
      {cases.data && cases.data.items.length > 0 && (
        <QueueTable
          rows={cases.data.items}
          now={Date.now()}
          {...sort}
          onSort={(s) => {
            setSort((old) => ({ sort: s, dir: old.sort === s && old.dir === "desc" ? "asc" : "desc" }));
            restart();
          }}
        />
      )}
      <Group>
        <Button variant="default" disabled={cursors.length === 0} onClick={restart}>
          {t("queue.first")}
        </Button>
        <Button
          variant="default"
          disabled={!cases.data?.nextCursor}
          onClick={() => cases.data?.nextCursor && setCursors([...cursors, cases.data.nextCursor])}
          data-testid="queue-next"
        >
          {t("queue.next")}
        </Button>
      </Group>
      {role === "unit_admin" && <OrgKeysPanel />}
    </Stack>
  );
}
