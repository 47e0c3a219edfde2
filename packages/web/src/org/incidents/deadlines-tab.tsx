import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { TDeadlineView, TIncidentDetail, TRecordReportRequest } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { formatDate } from "../../i18n/format";
import { useIncidentChange } from "./incident-api";
import { formatDateTime, fromLocalInput, pick, toLocalInput } from "./incident-format";

/** Reporting obligations with their deadline, legal rule and source, and what was reported. */
export function DeadlinesTab({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidents");
  return (
    <Stack gap="sm">
      {!incident.learnedAt && <Alert color="orange">{t("deadlines.needLearnedAt")}</Alert>}
      {incident.deadlines.map((d) => (
        <DeadlineCard key={d.obligationId} incidentId={incident.id} deadline={d} />
      ))}
    </Stack>
  );
}

function DeadlineCard({ incidentId, deadline: d }: { incidentId: string; deadline: TDeadlineView }) {
  const { t } = useTranslation("incidents");
  const [form, setForm] = useState({
    status: d.status,
    doneAt: toLocalInput(d.doneAt),
    recipient: d.recipient ?? "",
    officer: d.officer ?? "",
    referenceNumber: d.referenceNumber ?? "",
  });
  const save = useIncidentChange<TRecordReportRequest>(
    incidentId,
    "PUT",
    () => `/api/incidents/${incidentId}/reports/${d.obligationId}`,
  );
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <Card withBorder data-testid={`deadline-${d.obligationId}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{pick(d.title)}</Text>
        <Group gap={4}>
          {d.overdue && <Badge color="red">{t("deadlines.overdue")}</Badge>}
          <Badge color={d.status === "done" ? "green" : d.status === "pending" ? "orange" : "gray"}>
            {t(`deadlines.status.${d.status}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {t("deadlines.due")}: {d.dueAt ? formatDateTime(d.dueAt) : t("deadlines.noDue")}
        {d.dueFrom &&
          d.dueAt &&
          ` (${t("deadlines.dueFrom", { from: formatDateTime(d.dueFrom), to: formatDateTime(d.dueAt) })})`}
      </Text>
      <Text size="sm">{pick(d.dueText)}</Text>
      <Text size="xs" c="dimmed">
        {t("deadlines.rule")}: {pick(d.rule)} — {d.source.label}（{t(`deadlines.sourceKind.${d.source.kind}`)}
        、{t("deadlines.checkedOn", { date: formatDate(d.source.checkedOn) })}）
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
        <Select
          label={t("deadlines.statusLabel")}
          data={["pending", "done", "not_applicable"].map((x) => ({
            value: x,
            label: t(`deadlines.status.${x}`),
          }))}
          value={form.status}
          allowDeselect={false}
          onChange={(v) => v && set("status", v)}
        />
        <TextInput
          type="datetime-local"
          label={t("deadlines.doneAt")}
          value={form.doneAt}
          onChange={(e) => set("doneAt", e.currentTarget.value)}
        />
        <TextInput
          label={t("deadlines.recipient")}
          value={form.recipient}
          onChange={(e) => set("recipient", e.currentTarget.value)}
        />
        <TextInput
          label={t("deadlines.officer")}
          value={form.officer}
          onChange={(e) => set("officer", e.currentTarget.value)}
        />
        <TextInput
          label={t("deadlines.referenceNumber")}
          value={form.referenceNumber}
          onChange={(e) => set("referenceNumber", e.currentTarget.value)}
        />
      </SimpleGrid>
      <FormError error={save.error} />
      <Button
        size="xs"
        mt="xs"
        w="fit-content"
        loading={save.isPending}
        onClick={() =>
          save.mutate({
            status: form.status,
            doneAt: fromLocalInput(form.doneAt),
            recipient: form.recipient.trim() || null,
            officer: form.officer.trim() || null,
            referenceNumber: form.referenceNumber.trim() || null,
            note: null,
          })
        }
      >
        {t("deadlines.record")}
      </Button>
    </Card>
  );
}
