import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TRegisterWarning } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ComponentType, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { WarningList } from "./warning-list";

/** What every register entry carries besides its own fields. */
export interface RegisterEntry {
  id: string;
  name: string;
  warnings: TRegisterWarning[];
  updatedAt: string;
}

/** The form a register opens for adding and editing one entry. */
export interface RegisterFormProps<Input> {
  initial: Input;
  pending: boolean;
  error: unknown;
  onSubmit: (value: Input) => void;
  onCancel: () => void;
}

/** One peacetime register (backups, logs): where it lives, its words, and how an entry reads. */
export interface RegisterSpec<Entry extends RegisterEntry, Input> {
  /** i18n key prefix in the "readiness" namespace ("backups" → backups.title, backups.add …). */
  keyPrefix: string;
  /** REST collection: GET/POST here, PUT/DELETE on /:id, CSV at /export.csv. */
  apiPath: string;
  entriesOf: (register: { findings: TRegisterWarning[] }) => Entry[];
  testIds: { findings: string; entry: string; warnings: string };
  /** The lines under the entry's name (what it protects, badges). */
  describe: (entry: Entry) => ReactNode;
  emptyInput: Input;
  Form: ComponentType<RegisterFormProps<Input>>;
}

function fieldsOf<Entry extends RegisterEntry, Input>(entry: Entry): Input {
  const { id: _id, warnings: _w, updatedAt: _u, ...fields } = entry;
  return fields as Input;
}

/** A register page: each entry with its warnings, the register-wide checks, add/edit/delete, CSV export. */
export function RegisterPage<Entry extends RegisterEntry, Input>({
  spec,
}: {
  spec: RegisterSpec<Entry, Input>;
}) {
  const { t } = useTranslation("readiness");
  const k = (key: string) => `${spec.keyPrefix}.${key}`;
  const { data: session } = useSession();
  const canEdit = session?.user?.role === "admin" || session?.user?.role === "member";
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["readiness", spec.keyPrefix],
    queryFn: () => api<{ findings: TRegisterWarning[] }>("GET", spec.apiPath),
  });
  const [editing, setEditing] = useState<Entry | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["readiness"] });
  const save = useMutation({
    mutationFn: (value: Input) =>
      editing === "new" || editing === null
        ? api<Entry>("POST", spec.apiPath, value)
        : api<Entry>("PUT", `${spec.apiPath}/${editing.id}`, value),
    onSuccess: async () => {
      setEditing(null);
      notifications.show({ color: "green", message: t(k("saved")) });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>("DELETE", `${spec.apiPath}/${id}`),
    onSuccess: refresh,
  });
  const register = query.data;
  const entries = register ? spec.entriesOf(register) : undefined;
  const startEditing = (target: Entry | "new") => {
    save.reset();
    setEditing(target);
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t(k("title"))}</Title>
        <Group gap="xs">
          {canEdit && <Button onClick={() => startEditing("new")}>{t(k("add"))}</Button>}
          <Button component="a" variant="default" href={`${spec.apiPath}/export.csv`} download>
            {t(k("exportCsv"))}
          </Button>
        </Group>
      </Group>
      <Text size="sm">{t(k("intro"))}</Text>
      <Text size="xs" c="dimmed">
        {t(k("source"))}
      </Text>
      <FormError error={query.error ?? remove.error} />
      {entries && entries.length === 0 && <Text>{t(k("none"))}</Text>}
      {register && entries && entries.length > 0 && (
        <Alert
          color={register.findings.length ? "orange" : "green"}
          title={t(k("registerChecks"))}
          data-testid={spec.testIds.findings}
        >
          {register.findings.length ? (
            <WarningList warnings={register.findings} />
          ) : (
            <Text size="sm">{t(k("allGood"))}</Text>
          )}
        </Alert>
      )}
      {entries?.map((entry) => (
        <Card key={entry.id} withBorder data-testid={spec.testIds.entry}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text fw={600}>{entry.name}</Text>
              {spec.describe(entry)}
            </Stack>
            {canEdit && (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => startEditing(entry)}>
                  {t(k("edit"))}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  onClick={() =>
                    window.confirm(t(k("confirmDelete"), { name: entry.name })) && remove.mutate(entry.id)
                  }
                >
                  {t(k("delete"))}
                </Button>
              </Group>
            )}
          </Group>
          <WarningList warnings={entry.warnings} testId={spec.testIds.warnings} />
        </Card>
      ))}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t(k("add")) : t(k("edit"))}
        size="lg"
      >
        {editing !== null && (
          <spec.Form
            initial={editing === "new" ? spec.emptyInput : fieldsOf<Entry, Input>(editing)}
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
