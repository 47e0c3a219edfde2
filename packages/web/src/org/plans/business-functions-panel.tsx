import { Button, Card, Group, NumberInput, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import type { TBusinessFunction, TBusinessFunctionInput } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

const EMPTY: TBusinessFunctionInput = { name: "", priority: 1, rtoHours: 24, manualWorkaround: null };

/** BCP input: business functions with recovery priority, RTO and manual workaround (add, edit, delete). */
export function BusinessFunctionsPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation("plans");
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["plans", "functions"],
    queryFn: () => api<{ items: TBusinessFunction[] }>("GET", "/api/plans/business-functions"),
  });
  const [form, setForm] = useState<TBusinessFunctionInput>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["plans", "functions"] });
  const save = useMutation({
    mutationFn: () =>
      editing
        ? api("PUT", `/api/plans/business-functions/${editing}`, form)
        : api("POST", "/api/plans/business-functions", form),
    onSuccess: async () => {
      setForm(EMPTY);
      setEditing(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api("DELETE", `/api/plans/business-functions/${id}`),
    onSuccess: refresh,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const items = query.data?.items ?? [];
  return (
    <Stack gap="md">
      <Text size="sm">{t("functions.intro")}</Text>
      <FormError error={query.error ?? remove.error} />
      {items.length === 0 ? (
        <Text c="dimmed">{t("functions.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="business-functions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("functions.priority")}</Table.Th>
                <Table.Th>{t("functions.name")}</Table.Th>
                <Table.Th>{t("functions.rtoHours")}</Table.Th>
                <Table.Th>{t("functions.workaround")}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.priority}</Table.Td>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{t("functions.hours", { count: f.rtoHours })}</Table.Td>
                  <Table.Td>{f.manualWorkaround ?? "—"}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={`${t("functions.edit")}: ${f.name}`}
                          onClick={() => {
                            setEditing(f.id);
                            setForm({
                              name: f.name,
                              priority: f.priority,
                              rtoHours: f.rtoHours,
                              manualWorkaround: f.manualWorkaround,
                            });
                          }}
                        >
                          {t("functions.edit")}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`${t("functions.delete")}: ${f.name}`}
                          onClick={() => remove.mutate(f.id)}
                        >
                          {t("functions.delete")}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <Card withBorder component="form" onSubmit={submit} maw={640}>
          <Stack gap="sm">
            <TextInput
              label={t("functions.name")}
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
            <Group grow align="flex-start" wrap="wrap">
              <NumberInput
                label={t("functions.priority")}
                min={1}
                max={99}
                required
                value={form.priority}
                onChange={(v) => setForm({ ...form, priority: Number(v) || 1 })}
              />
              <NumberInput
                label={t("functions.rtoHours")}
                min={1}
                max={8760}
                required
                value={form.rtoHours}
                onChange={(v) => setForm({ ...form, rtoHours: Number(v) || 1 })}
              />
            </Group>
            <Textarea
              label={t("functions.workaround")}
              autosize
              minRows={2}
              value={form.manualWorkaround ?? ""}
              onChange={(e) => setForm({ ...form, manualWorkaround: e.currentTarget.value || null })}
            />
            <FormError error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {editing ? t("functions.save") : t("functions.add")}
              </Button>
              {editing && (
                <Button
                  variant="default"
                  onClick={() => {
                    setEditing(null);
                    setForm(EMPTY);
                  }}
                >
                  {t("functions.cancel")}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
