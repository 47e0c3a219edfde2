import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TCreateLogSourceRequest, TLogRegister, TLogSource } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { WarningList } from "../backups/warning-list";
import { EMPTY_LOG_SOURCE, LogForm } from "./log-form";

function fieldsOf(source: TLogSource): TCreateLogSourceRequest {
  const { id: _id, warnings: _w, updatedAt: _u, ...fields } = source;
  return fields;
}

/** readiness/logs: each log source with its warnings, register-wide checks, add/edit/delete, CSV export. */
export function LogsPage() {
  const { t } = useTranslation("readiness");
  const { data: session } = useSession();
  const canEdit = session?.user?.role === "admin" || session?.user?.role === "member";
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["readiness", "logs"],
    queryFn: () => api<TLogRegister>("GET", "/api/readiness/logs"),
  });
  const [editing, setEditing] = useState<TLogSource | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["readiness"] });
  const save = useMutation({
    mutationFn: (value: TCreateLogSourceRequest) =>
      editing === "new" || editing === null
        ? api<TLogSource>("POST", "/api/readiness/logs", value)
        : api<TLogSource>("PUT", `/api/readiness/logs/${editing.id}`, value),
    onSuccess: async () => {
      setEditing(null);
      notifications.show({ color: "green", message: t("logs.saved") });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>("DELETE", `/api/readiness/logs/${id}`),
    onSuccess: refresh,
  });
  const data = query.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t("logs.title")}</Title>
        <Group gap="xs">
          {canEdit && (
            <Button
              onClick={() => {
                save.reset();
                setEditing("new");
              }}
            >
              {t("logs.add")}
            </Button>
          )}
          <Button component="a" variant="default" href="/api/readiness/logs/export.csv" download>
            {t("logs.exportCsv")}
          </Button>
        </Group>
      </Group>
      <Text size="sm">{t("logs.intro")}</Text>
      <Text size="xs" c="dimmed">
        {t("logs.source")}
      </Text>
      <FormError error={query.error ?? remove.error} />
      {data && data.logSources.length === 0 && <Text>{t("logs.none")}</Text>}
      {data && data.logSources.length > 0 && (
        <Alert
          color={data.findings.length ? "orange" : "green"}
          title={t("logs.registerChecks")}
          data-testid="log-findings"
        >
          {data.findings.length ? (
            <WarningList warnings={data.findings} />
          ) : (
            <Text size="sm">{t("logs.allGood")}</Text>
          )}
        </Alert>
      )}
      {data?.logSources.map((source) => (
        <Card key={source.id} withBorder data-testid="log-source">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text fw={600}>{source.name}</Text>
              <Group gap={6}>
                <Badge variant="light">{t(`logs.kinds.${source.kind}`)}</Badge>
                <Badge variant="light" color={source.storage === "forwarded" ? "green" : "orange"}>
                  {t(`logs.storage.${source.storage}`)}
                </Badge>
                {source.retentionDays !== null && (
                  <Badge variant="outline" color="gray">
                    {t("logs.days", { count: source.retentionDays })}
                  </Badge>
                )}
              </Group>
            </Stack>
            {canEdit && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    save.reset();
                    setEditing(source);
                  }}
                >
                  {t("logs.edit")}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  onClick={() =>
                    window.confirm(t("logs.confirmDelete", { name: source.name })) && remove.mutate(source.id)
                  }
                >
                  {t("logs.delete")}
                </Button>
              </Group>
            )}
          </Group>
          <WarningList warnings={source.warnings} testId="log-warnings" />
        </Card>
      ))}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("logs.add") : t("logs.edit")}
        size="lg"
      >
        {editing !== null && (
          <LogForm
            initial={editing === "new" ? EMPTY_LOG_SOURCE : fieldsOf(editing)}
            pending={save.isPending}
            error={save.error}
            onSubmit={(v) => save.mutate(v)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
