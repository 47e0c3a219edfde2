import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { LOG_SOURCE_KINDS, LOG_STORAGE, type TCreateLogSourceRequest } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { FormError } from "../../../components/form-error";
import type { RegisterFormProps } from "../register/register-page";

export const EMPTY_LOG_SOURCE: TCreateLogSourceRequest = {
  name: "",
  kind: "vpn",
  deviceId: null,
  retentionDays: null,
  storage: "device_disk",
  protectedFromDeletion: false,
  clockSynchronised: false,
  notes: null,
};

/** The log source form (add and edit); the device list comes from the device register. */
export function LogForm(props: RegisterFormProps<TCreateLogSourceRequest>) {
  const { t } = useTranslation("readiness");
  const [v, setV] = useState(props.initial);
  const set = <K extends keyof TCreateLogSourceRequest>(key: K, value: TCreateLogSourceRequest[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const deviceList = useQuery({
    queryKey: ["readiness", "devices"],
    queryFn: () => api<{ devices: { id: string; name: string }[] }>("GET", "/api/readiness/devices"),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(v);
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <TextInput
        label={t("logs.fields.name")}
        required
        value={v.name}
        onChange={(e) => set("name", e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("logs.fields.kind")}
          data={LOG_SOURCE_KINDS.map((k) => ({ value: k, label: t(`logs.kinds.${k}`) }))}
          value={v.kind}
          onChange={(k) => k && set("kind", k as TCreateLogSourceRequest["kind"])}
          allowDeselect={false}
        />
        <Select
          label={t("logs.fields.storage")}
          data={LOG_STORAGE.map((s) => ({ value: s, label: t(`logs.storage.${s}`) }))}
          value={v.storage}
          onChange={(s) => s && set("storage", s as TCreateLogSourceRequest["storage"])}
          allowDeselect={false}
        />
        <NumberInput
          label={t("logs.fields.retentionDays")}
          min={0}
          value={v.retentionDays ?? ""}
          onChange={(n) => set("retentionDays", typeof n === "number" ? n : null)}
        />
        <Select
          label={t("logs.fields.deviceId")}
          placeholder={t("logs.noDevice")}
          data={(deviceList.data?.devices ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={v.deviceId}
          onChange={(id) => set("deviceId", id)}
          clearable
        />
      </SimpleGrid>
      <Checkbox
        label={t("logs.fields.protectedFromDeletion")}
        checked={v.protectedFromDeletion}
        onChange={(e) => set("protectedFromDeletion", e.currentTarget.checked)}
      />
      <Checkbox
        label={t("logs.fields.clockSynchronised")}
        checked={v.clockSynchronised}
        onChange={(e) => set("clockSynchronised", e.currentTarget.checked)}
      />
      <Textarea
        label={t("logs.fields.notes")}
        value={v.notes ?? ""}
        onChange={(e) => set("notes", e.currentTarget.value.trim() === "" ? null : e.currentTarget.value)}
      />
      <FormError error={props.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t("logs.cancel")}
        </Button>
        <Button type="submit" loading={props.pending}>
          {t("logs.save")}
        </Button>
      </Group>
    </Stack>
  );
}
