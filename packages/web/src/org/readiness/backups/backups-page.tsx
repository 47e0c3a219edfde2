import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TBackupRegister, TBackupSet, TCreateBackupSetRequest } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { BackupForm, EMPTY_BACKUP } from "./backup-form";
import { WarningList } from "./warning-list";

export const BACKUPS_KEY = ["readiness", "backups"];

function fieldsOf(set: TBackupSet): TCreateBackupSetRequest {
  const { id: _id, warnings: _w, updatedAt: _u, ...fields } = set;
  return fields;
}

/** readiness/backups: each backup set with its warnings, the register-wide checks, add/edit/delete, CSV export. */
export function BackupsPage() {
  const { t } = useTranslation("readiness");
  const { data: session } = useSession();
  const canEdit = session?.user?.role === "admin" || session?.user?.role === "member";
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: BACKUPS_KEY,
    queryFn: () => api<TBackupRegister>("GET", "/api/readiness/backups"),
  });
  const [editing, setEditing] = useState<TBackupSet | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["readiness"] });
  const save = useMutation({
    mutationFn: (value: TCreateBackupSetRequest) =>
      editing === "new" || editing === null
        ? api<TBackupSet>("POST", "/api/readiness/backups", value)
        : api<TBackupSet>("PUT", `/api/readiness/backups/${editing.id}`, value),
    onSuccess: async () => {
      setEditing(null);
      notifications.show({ color: "green", message: t("backups.saved") });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>("DELETE", `/api/readiness/backups/${id}`),
    onSuccess: refresh,
  });
  const data = query.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t("backups.title")}</Title>
        <Group gap="xs">
          {canEdit && (
            <Button
              onClick={() => {
                save.reset();
                setEditing("new");
              }}
            >
              {t("backups.add")}
            </Button>
          )}
          <Button component="a" variant="default" href="/api/readiness/backups/export.csv" download>
            {t("backups.exportCsv")}
          </Button>
        </Group>
      </Group>
      <Text size="sm">{t("backups.intro")}</Text>
      <Text size="xs" c="dimmed">
        {t("backups.source")}
      </Text>
      <FormError error={query.error ?? remove.error} />
      {data && data.backupSets.length === 0 && <Text>{t("backups.none")}</Text>}
      {data && data.backupSets.length > 0 && (
        <Alert
          color={data.findings.length ? "orange" : "green"}
          title={t("backups.registerChecks")}
          data-testid="backup-findings"
        >
          {data.findings.length ? (
            <WarningList warnings={data.findings} />
          ) : (
            <Text size="sm">{t("backups.allGood")}</Text>
          )}
        </Alert>
      )}
      {data?.backupSets.map((set) => (
        <Card key={set.id} withBorder data-testid="backup-set">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text fw={600}>{set.name}</Text>
              <Text size="sm">{set.protects}</Text>
              <Group gap={6}>
                <Badge variant="light">{t(`backups.media.${set.media}`)}</Badge>
                <Badge variant="light" color={set.connectivity === "online" ? "orange" : "green"}>
                  {t(`backups.connectivity.${set.connectivity}`)}
                </Badge>
                <Badge variant="outline" color="gray">
                  {t("backups.fields.lastRestoreTestAt")}: {set.lastRestoreTestAt ?? t("backups.notTested")}
                  {set.lastRestoreTestResult ? ` (${t(`backups.results.${set.lastRestoreTestResult}`)})` : ""}
                </Badge>
              </Group>
            </Stack>
            {canEdit && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    save.reset();
                    setEditing(set);
                  }}
                >
                  {t("backups.edit")}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  onClick={() =>
                    window.confirm(t("backups.confirmDelete", { name: set.name })) && remove.mutate(set.id)
                  }
                >
                  {t("backups.delete")}
                </Button>
              </Group>
            )}
          </Group>
          <WarningList warnings={set.warnings} testId="backup-warnings" />
        </Card>
      ))}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("backups.add") : t("backups.edit")}
        size="lg"
      >
        {editing !== null && (
          <BackupForm
            initial={editing === "new" ? EMPTY_BACKUP : fieldsOf(editing)}
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
