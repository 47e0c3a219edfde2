import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { DEVICE_TYPE_CODES, LOG_LOCATIONS, type TDevice, type TDeviceInput } from "@sonae/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/form-error";

const TEXT_FIELDS = [
  "name",
  "vendor",
  "product",
  "version",
  "usage",
  "location",
  "owner",
  "publicAddress",
  "pendingUpdates",
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Draft = Record<
  TextField | "notes" | "lastPatchedAt" | "endOfSupport" | "logLocation" | "mfa",
  string
> & {
  type: TDeviceInput["type"];
};

function toDraft(d?: TDevice): Draft {
  return {
    name: d?.name ?? "",
    type: d?.type ?? "vpn",
    vendor: d?.vendor ?? "",
    product: d?.product ?? "",
    version: d?.version ?? "",
    usage: d?.usage ?? "",
    location: d?.location ?? "",
    owner: d?.owner ?? "",
    publicAddress: d?.publicAddress ?? "",
    pendingUpdates: d?.pendingUpdates ?? "",
    notes: d?.notes ?? "",
    lastPatchedAt: d?.lastPatchedAt ?? "",
    endOfSupport: d?.endOfSupport ?? "",
    logLocation: d?.logLocation ?? "",
    mfa: d?.mfaEnabled === null || d?.mfaEnabled === undefined ? "" : d.mfaEnabled ? "yes" : "no",
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** Add or edit one device; the server validates, matches it against KEV and audits the change. */
export function DeviceForm(props: {
  initial?: TDevice;
  onSubmit: (input: TDeviceInput) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation("readiness");
  const [d, setD] = useState<Draft>(() => toDraft(props.initial));
  const set = (key: keyof Draft) => (value: string) => setD((prev) => ({ ...prev, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({
      name: d.name.trim(),
      type: d.type,
      vendor: d.vendor.trim(),
      product: d.product.trim(),
      version: orNull(d.version),
      usage: orNull(d.usage),
      location: orNull(d.location),
      owner: orNull(d.owner),
      publicAddress: orNull(d.publicAddress),
      mfaEnabled: d.mfa === "" ? null : d.mfa === "yes",
      lastPatchedAt: orNull(d.lastPatchedAt),
      pendingUpdates: orNull(d.pendingUpdates),
      endOfSupport: orNull(d.endOfSupport),
      logLocation: (orNull(d.logLocation) as TDeviceInput["logLocation"]) ?? null,
      notes: orNull(d.notes),
    });
  };
  const text = (key: TextField) => (
    <TextInput
      key={key}
      label={t(`devices.fields.${key}`)}
      value={d[key]}
      onChange={(e) => set(key)(e.currentTarget.value)}
      required={key === "name" || key === "vendor" || key === "product"}
    />
  );
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text("name")}
        <Select
          label={t("devices.fields.type")}
          data={DEVICE_TYPE_CODES.map((c) => ({ value: c, label: t(`devices.types.${c}`) }))}
          value={d.type}
          onChange={(v) => v && setD((p) => ({ ...p, type: v as TDeviceInput["type"] }))}
          allowDeselect={false}
        />
        {text("vendor")}
        {text("product")}
        {text("version")}
        {text("usage")}
        {text("location")}
        {text("owner")}
        {text("publicAddress")}
        <Select
          label={t("devices.fields.mfaEnabled")}
          data={[
            { value: "yes", label: t("devices.mfa.yes") },
            { value: "no", label: t("devices.mfa.no") },
          ]}
          value={d.mfa || null}
          onChange={(v) => set("mfa")(v ?? "")}
          clearable
        />
        <TextInput
          type="date"
          label={t("devices.fields.lastPatchedAt")}
          value={d.lastPatchedAt}
          onChange={(e) => set("lastPatchedAt")(e.currentTarget.value)}
        />
        {text("pendingUpdates")}
        <TextInput
          type="date"
          label={t("devices.fields.endOfSupport")}
          value={d.endOfSupport}
          onChange={(e) => set("endOfSupport")(e.currentTarget.value)}
        />
        <Select
          label={t("devices.fields.logLocation")}
          data={LOG_LOCATIONS.map((c) => ({ value: c, label: t(`devices.logLocations.${c}`) }))}
          value={d.logLocation || null}
          onChange={(v) => set("logLocation")(v ?? "")}
          clearable
        />
      </SimpleGrid>
      <Textarea
        label={t("devices.fields.notes")}
        value={d.notes}
        onChange={(e) => set("notes")(e.currentTarget.value)}
      />
      <FormError error={props.error} />
      <Group>
        <Button type="submit" loading={props.pending}>
          {t("devices.save")}
        </Button>
        <Button variant="default" onClick={props.onCancel}>
          {t("devices.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}
