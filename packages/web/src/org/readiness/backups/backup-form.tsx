import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import {
  BACKUP_CONNECTIVITY,
  BACKUP_MEDIA,
  RESTORE_TEST_RESULTS,
  type TCreateBackupSetRequest,
} from "@sonae/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/form-error";
import type { RegisterFormProps } from "../register/register-page";

export const EMPTY_BACKUP: TCreateBackupSetRequest = {
  name: "",
  protects: "",
  media: "nas",
  location: null,
  connectivity: "online",
  generations: null,
  frequency: null,
  lastSuccessAt: null,
  lastRestoreTestAt: null,
  lastRestoreTestResult: null,
  notes: null,
};

const orNull = (v: string) => (v.trim() === "" ? null : v);

/** The backup set form (add and edit). Dates are plain date inputs: they work on phones and with keyboards. */
export function BackupForm(props: RegisterFormProps<TCreateBackupSetRequest>) {
  const { t } = useTranslation("readiness");
  const [v, setV] = useState(props.initial);
  const set = <K extends keyof TCreateBackupSetRequest>(key: K, value: TCreateBackupSetRequest[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(v);
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <TextInput
        label={t("backups.fields.name")}
        required
        value={v.name}
        onChange={(e) => set("name", e.currentTarget.value)}
      />
      <TextInput
        label={t("backups.fields.protects")}
        required
        value={v.protects}
        onChange={(e) => set("protects", e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("backups.fields.media")}
          data={BACKUP_MEDIA.map((m) => ({ value: m, label: t(`backups.media.${m}`) }))}
          value={v.media}
          onChange={(m) => m && set("media", m as TCreateBackupSetRequest["media"])}
          allowDeselect={false}
        />
        <Select
          label={t("backups.fields.connectivity")}
          data={BACKUP_CONNECTIVITY.map((m) => ({ value: m, label: t(`backups.connectivity.${m}`) }))}
          value={v.connectivity}
          onChange={(m) => m && set("connectivity", m as TCreateBackupSetRequest["connectivity"])}
          allowDeselect={false}
        />
        <TextInput
          label={t("backups.fields.location")}
          value={v.location ?? ""}
          onChange={(e) => set("location", orNull(e.currentTarget.value))}
        />
        <TextInput
          label={t("backups.fields.frequency")}
          value={v.frequency ?? ""}
          onChange={(e) => set("frequency", orNull(e.currentTarget.value))}
        />
        <NumberInput
          label={t("backups.fields.generations")}
          min={0}
          value={v.generations ?? ""}
          onChange={(n) => set("generations", typeof n === "number" ? n : null)}
        />
        <TextInput
          type="date"
          label={t("backups.fields.lastSuccessAt")}
          value={v.lastSuccessAt ?? ""}
          onChange={(e) => set("lastSuccessAt", orNull(e.currentTarget.value))}
        />
        <TextInput
          type="date"
          label={t("backups.fields.lastRestoreTestAt")}
          value={v.lastRestoreTestAt ?? ""}
          onChange={(e) => set("lastRestoreTestAt", orNull(e.currentTarget.value))}
        />
        <Select
          label={t("backups.fields.lastRestoreTestResult")}
          data={RESTORE_TEST_RESULTS.map((r) => ({ value: r, label: t(`backups.results.${r}`) }))}
          value={v.lastRestoreTestResult}
          onChange={(r) =>
            set("lastRestoreTestResult", r as TCreateBackupSetRequest["lastRestoreTestResult"])
          }
          clearable
        />
      </SimpleGrid>
      <Textarea
        label={t("backups.fields.notes")}
        value={v.notes ?? ""}
        onChange={(e) => set("notes", orNull(e.currentTarget.value))}
      />
      <FormError error={props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t("backups.cancel")}
        </Button>
        <Button type="submit" loading={props.pending}>
          {t("backups.save")}
        </Button>
      </Group>
    </Stack>
  );
}
