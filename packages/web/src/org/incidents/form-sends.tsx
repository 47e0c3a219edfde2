import { Button, Group, List, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFormSend, TFormSendsResponse, TIncidentDetail, TRecordFormSendRequest } from "@sonae/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { formatDateTime, fromLocalInput, toLocalInput } from "./incident-format";

type Pending = TFormSendsResponse["pending"][number];

function RecordSend({ incidentId, pending }: { incidentId: string; pending: Pending }) {
  const { t } = useTranslation("incidentExport");
  const client = useQueryClient();
  const [form, setForm] = useState({
    kind: pending.nextVersion === 1 ? "first" : "follow-up",
    recipient: "",
    reportNumber: "",
    sentAt: toLocalInput(new Date().toISOString()),
  });
  const record = useMutation({
    mutationFn: (body: TRecordFormSendRequest) =>
      api<TFormSend>("POST", `/api/incidents/${incidentId}/form-sends`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["form-sends", incidentId] });
      notifications.show({ color: "green", message: t("form.recorded") });
    },
  });
  const kinds = pending.nextVersion === 1 ? (["first"] as const) : (["follow-up", "final"] as const);
  return (
    <Stack
      component="form"
      gap="xs"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({
          form: pending.form,
          kind: form.kind as TRecordFormSendRequest["kind"],
          recipient: form.recipient,
          reportNumber: form.reportNumber.trim() || null,
          sentAt: fromLocalInput(form.sentAt) ?? new Date().toISOString(),
        });
      }}
    >
      <Group grow align="end">
        <Select
          label={t("form.kind")}
          data={kinds.map((k) => ({ value: k, label: t(`reportKind.${k}`) }))}
          value={form.kind}
          onChange={(v) => v && setForm((f) => ({ ...f, kind: v }))}
          allowDeselect={false}
        />
        <TextInput
          label={t("form.recipient")}
          required
          value={form.recipient}
          onChange={(e) => {
            // Read the value now: React runs the updater later, when currentTarget is already null.
            const recipient = e.currentTarget.value;
            setForm((f) => ({ ...f, recipient }));
          }}
        />
        <TextInput
          label={t("form.reportNumber")}
          value={form.reportNumber}
          onChange={(e) => {
            const reportNumber = e.currentTarget.value;
            setForm((f) => ({ ...f, reportNumber }));
          }}
        />
        <TextInput
          type="datetime-local"
          label={t("form.sentAt")}
          value={form.sentAt}
          onChange={(e) => {
            const sentAt = e.currentTarget.value;
            setForm((f) => ({ ...f, sentAt }));
          }}
        />
      </Group>
      <FormError error={record.error} />
      <Button type="submit" variant="light" loading={record.isPending} w="fit-content">
        {t("form.record")}
      </Button>
    </Stack>
  );
}

/** Each common form the incident fills: what changed since its last send, recording a send, the history. */
export function FormSends({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidentExport");
  const query = useQuery({
    // The incident's own update time keys the query: a saved change recomputes what changed.
    queryKey: ["form-sends", incident.id, incident.updatedAt],
    queryFn: () => api<TFormSendsResponse>("GET", `/api/incidents/${incident.id}/form-sends`),
    // Keep the form on screen while the changes are recomputed, so typed input is not lost.
    placeholderData: keepPreviousData,
  });
  if (!query.data) return <FormError error={query.error} />;
  const { sends, pending } = query.data;
  return (
    <Stack gap="md">
      {pending.map((p) => (
        <Paper key={p.form} withBorder p="sm">
          <Title order={5}>{t(`form.${p.form}`)}</Title>
          <Text size="sm" c="dimmed">
            {t("form.next", { version: p.nextVersion })}
          </Text>
          {p.nextVersion > 1 &&
            (p.changes.length === 0 ? (
              <Text size="sm">{t("form.noChanges")}</Text>
            ) : (
              <Table withTableBorder aria-label={t("form.changes")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("form.changes")}</Table.Th>
                    <Table.Th>{t("form.before")}</Table.Th>
                    <Table.Th>{t("form.after")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.changes.map((c) => (
                    <Table.Tr key={c.item}>
                      <Table.Td>{c.item}</Table.Td>
                      <Table.Td style={{ whiteSpace: "pre-wrap" }}>{c.before}</Table.Td>
                      <Table.Td style={{ whiteSpace: "pre-wrap" }}>{c.after}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
          <RecordSend key={`${p.form}-${p.nextVersion}`} incidentId={incident.id} pending={p} />
        </Paper>
      ))}
      <Title order={5}>{t("form.history")}</Title>
      {sends.length === 0 ? (
        <Text size="sm">{t("form.none")}</Text>
      ) : (
        <List size="sm">
          {sends.map((s) => (
            <List.Item key={s.id}>
              {t(`form.${s.form}`)}:{" "}
              {t("form.sent", {
                version: s.version,
                kind: t(`reportKind.${s.kind}`),
                recipient: s.recipient,
                at: formatDateTime(s.sentAt),
                by: s.sentBy,
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
