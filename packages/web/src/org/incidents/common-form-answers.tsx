import { Button, NumberInput, Select, SimpleGrid, Stack, Textarea, Title } from "@mantine/core";
import type { TIncidentDdos, TIncidentDetail, TUpdateIncidentRequest } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useIncidentChange } from "./incident-api";

const DDOS_TYPES = ["network-flood", "reflection-amplification", "endpoint-exhaustion", "other"] as const;
const num = (v: number | string) => (typeof v === "number" ? v : null);

/** The answers the common forms ask that the incident record does not hold yet: consent, CI level, DDoS. */
export function CommonFormAnswers({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidentExport");
  const showDdos = incident.ddos !== null || incident.symptoms.includes("service_down");
  const d = incident.ddos;
  const [form, setForm] = useState({
    ncoConsent: incident.ncoConsent,
    criticalInfrastructure: incident.criticalInfrastructure,
    attackType: d?.attackType ?? "network-flood",
    peakGbps: d?.peakGbps ?? ("" as number | string),
    peakPps: d?.peakPps ?? ("" as number | string),
    durationMinutes: d?.durationMinutes ?? ("" as number | string),
    mitigation: d?.mitigation ?? "",
    impact: d?.impact ?? "",
  });
  const set = (key: keyof typeof form, value: string | number) => setForm((f) => ({ ...f, [key]: value }));
  const save = useIncidentChange<TUpdateIncidentRequest>(
    incident.id,
    "PATCH",
    () => `/api/incidents/${incident.id}`,
  );
  const submit = () => {
    const ddos: TIncidentDdos | null = showDdos
      ? {
          attackType: form.attackType as TIncidentDdos["attackType"],
          peakGbps: num(form.peakGbps),
          peakPps: num(form.peakPps),
          durationMinutes: num(form.durationMinutes),
          mitigation: form.mitigation.trim() || null,
          impact: form.impact.trim() || null,
        }
      : null;
    save.mutate({
      ncoConsent: form.ncoConsent,
      criticalInfrastructure: form.criticalInfrastructure,
      ...(showDdos ? { ddos } : {}),
    });
  };
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("form.ncoConsent")}
          data={(["yes", "no", "unknown"] as const).map((v) => ({ value: v, label: t(`tri.${v}`) }))}
          value={form.ncoConsent}
          onChange={(v) => v && set("ncoConsent", v)}
          allowDeselect={false}
        />
        <Select
          label={t("form.ci")}
          data={(["not-operator", "fallen-below", "not-fallen-below", "unknown"] as const).map((v) => ({
            value: v,
            label: t(`ciLevel.${v}`),
          }))}
          value={form.criticalInfrastructure}
          onChange={(v) => v && set("criticalInfrastructure", v)}
          allowDeselect={false}
        />
      </SimpleGrid>
      {showDdos && (
        <>
          <Title order={4}>{t("ddos.title")}</Title>
          <Select
            label={t("ddos.attackType")}
            data={DDOS_TYPES.map((v) => ({ value: v, label: t(`ddos.types.${v}`) }))}
            value={form.attackType}
            onChange={(v) => v && set("attackType", v)}
            allowDeselect={false}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t("ddos.peakGbps")}
              min={0}
              decimalScale={3}
              value={form.peakGbps}
              onChange={(v) => set("peakGbps", v)}
            />
            <NumberInput
              label={t("ddos.peakPps")}
              min={0}
              thousandSeparator=","
              value={form.peakPps}
              onChange={(v) => set("peakPps", v)}
            />
            <NumberInput
              label={t("ddos.durationMinutes")}
              min={0}
              value={form.durationMinutes}
              onChange={(v) => set("durationMinutes", v)}
            />
          </SimpleGrid>
          <Textarea
            label={t("ddos.mitigation")}
            autosize
            minRows={2}
            value={form.mitigation}
            onChange={(e) => set("mitigation", e.currentTarget.value)}
          />
          <Textarea
            label={t("ddos.impact")}
            autosize
            minRows={2}
            value={form.impact}
            onChange={(e) => set("impact", e.currentTarget.value)}
          />
        </>
      )}
      <FormError error={save.error} />
      <Button type="submit" loading={save.isPending} w="fit-content">
        {t("form.save")}
      </Button>
    </Stack>
  );
}
