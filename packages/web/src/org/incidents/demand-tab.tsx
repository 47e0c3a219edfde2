import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { TIncidentDetail, TRansomDemand } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useIncidentChange } from "./incident-api";
import { fromLocalInput, toLocalInput } from "./incident-format";

const lines = (s: string) =>
  s
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean);

/** The ransom demand. The police's explanation about payment is shown before the "paid" field. */
export function DemandTab({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidents");
  const d = incident.demand;
  const [form, setForm] = useState({
    noteText: d?.noteText ?? "",
    noteFileName: d?.noteFileName ?? "",
    encryptedExtension: d?.encryptedExtension ?? "",
    contactChannels: (d?.contactChannels ?? []).join("\n"),
    amount: d?.amount ?? ("" as number | string),
    currency: d?.currency ?? "",
    walletAddresses: (d?.walletAddresses ?? []).join("\n"),
    deadline: toLocalInput(d?.deadline),
    leakSiteClaim: d?.leakSiteClaim ?? "unknown",
    paid: d?.paid ?? "undecided",
  });
  const set = (key: keyof typeof form, value: string | number) => setForm((f) => ({ ...f, [key]: value }));
  const save = useIncidentChange<TRansomDemand>(
    incident.id,
    "PUT",
    () => `/api/incidents/${incident.id}/demand`,
  );
  const identify = useIncidentChange<undefined>(
    incident.id,
    "POST",
    () => `/api/incidents/${incident.id}/identify`,
  );
  const submit = () =>
    save.mutate({
      noteText: form.noteText.trim() || null,
      noteFileName: form.noteFileName.trim() || null,
      encryptedExtension: form.encryptedExtension.trim() || null,
      contactChannels: lines(form.contactChannels),
      amount: typeof form.amount === "number" ? form.amount : null,
      currency: form.currency.trim() || null,
      walletAddresses: lines(form.walletAddresses),
      deadline: fromLocalInput(form.deadline),
      leakSiteClaim: form.leakSiteClaim as TRansomDemand["leakSiteClaim"],
      leakSiteNote: null,
      paid: form.paid as TRansomDemand["paid"],
    });
  const family = incident.family;
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Textarea
        label={t("demand.noteText")}
        autosize
        minRows={4}
        maxRows={14}
        value={form.noteText}
        onChange={(e) => set("noteText", e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("demand.noteFileName")}
          value={form.noteFileName}
          onChange={(e) => set("noteFileName", e.currentTarget.value)}
        />
        <TextInput
          label={t("demand.encryptedExtension")}
          value={form.encryptedExtension}
          onChange={(e) => set("encryptedExtension", e.currentTarget.value)}
        />
        <NumberInput
          label={t("demand.amount")}
          min={0}
          value={form.amount}
          onChange={(v) => set("amount", v)}
        />
        <TextInput
          label={t("demand.currency")}
          value={form.currency}
          onChange={(e) => set("currency", e.currentTarget.value)}
        />
        <Textarea
          label={t("demand.contactChannels")}
          autosize
          minRows={2}
          value={form.contactChannels}
          onChange={(e) => set("contactChannels", e.currentTarget.value)}
        />
        <Textarea
          label={t("demand.walletAddresses")}
          autosize
          minRows={2}
          value={form.walletAddresses}
          onChange={(e) => set("walletAddresses", e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label={t("demand.deadline")}
          value={form.deadline}
          onChange={(e) => set("deadline", e.currentTarget.value)}
        />
        <Select
          label={t("demand.leakSiteClaim")}
          data={["yes", "no", "unknown"].map((x) => ({ value: x, label: t(`tri.${x}`) }))}
          value={form.leakSiteClaim}
          allowDeselect={false}
          onChange={(v) => v && set("leakSiteClaim", v)}
        />
      </SimpleGrid>
      <Alert color="blue" role="note">
        {t("demand.paymentNotice")}
      </Alert>
      <Select
        label={t("demand.paid")}
        data={["no", "yes", "undecided"].map((x) => ({ value: x, label: t(`demand.paidValue.${x}`) }))}
        value={form.paid}
        allowDeselect={false}
        onChange={(v) => v && set("paid", v)}
      />
      <FormError error={save.error ?? identify.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t("demand.save")}
        </Button>
        <Button
          variant="light"
          onClick={() => identify.mutate(undefined)}
          loading={identify.isPending}
          disabled={!incident.demand}
        >
          {t("demand.identify")}
        </Button>
      </Group>
      {family && (
        <Text data-testid="family">
          {family.familyName
            ? t("demand.family", {
                name: family.familyName,
                confidence: family.confidence?.toFixed(2) ?? "—",
              })
            : t("demand.familyUnknown")}
        </Text>
      )}
    </Stack>
  );
}
