import { Button, Checkbox, Group, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { INCIDENT_SYMPTOMS, type TIncidentDetail } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { incidentKey, useIncident } from "./incident-api";
import { TerminalFields } from "./terminal-fields";
import {
  clearDraft,
  emptyTerminal,
  loadDraft,
  saveDraft,
  stepBody,
  WIZARD_STEPS,
  type WizardDraft,
} from "./wizard-draft";

const INTRUSIONS = [
  "vpn-vulnerability",
  "vpn-credentials",
  "rdp",
  "phishing",
  "other-vulnerability",
  "other",
  "unknown",
];

/** Intake wizard 「何が起きましたか」: each step is saved to the server, typing is kept on the device. */
export function IncidentWizard() {
  const { id = "" } = useParams();
  const query = useIncident(id);
  if (!query.data) return <FormError error={query.error} />;
  return <WizardForm detail={query.data} />;
}

function WizardForm({ detail }: { detail: TIncidentDetail }) {
  const { t } = useTranslation("incidents");
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<WizardDraft>(() => loadDraft(detail));
  useEffect(() => saveDraft(detail.id, draft), [detail.id, draft]);
  const set = <K extends keyof WizardDraft>(key: K, value: WizardDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: () => api("PATCH", `/api/incidents/${detail.id}`, stepBody(draft, draft.step)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: incidentKey(detail.id) });
      if (draft.step === 3) {
        clearDraft(detail.id);
        navigate(`/incidents/${detail.id}/checklist`);
      } else set("step", draft.step + 1);
    },
  });
  const stepName = WIZARD_STEPS[draft.step]!;
  const tri = ["yes", "no", "unknown"].map((x) => ({ value: x, label: t(`tri.${x}`) }));
  return (
    <Stack
      component="form"
      maw={720}
      gap="md"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Text size="sm" c="dimmed">
        {detail.reference} · {t("wizard.step", { n: draft.step + 1 })}
      </Text>
      <Title order={2}>{t(`wizard.${stepName}`)}</Title>
      {draft.step === 0 && (
        <>
          <Checkbox.Group
            label={t("wizard.what")}
            value={draft.symptoms}
            onChange={(v) => set("symptoms", v as WizardDraft["symptoms"])}
          >
            <Stack gap="xs" mt="xs">
              {INCIDENT_SYMPTOMS.map((s) => (
                <Checkbox key={s} value={s} label={t(`symptom.${s}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            label={t("field.title")}
            value={draft.title}
            onChange={(e) => set("title", e.currentTarget.value)}
          />
        </>
      )}
      {draft.step === 1 && (
        <>
          <TextInput
            type="datetime-local"
            label={t("field.discoveredAt")}
            value={draft.discoveredAt}
            onChange={(e) => set("discoveredAt", e.currentTarget.value)}
          />
          <TextInput
            label={t("field.discoveredBy")}
            value={draft.discoveredBy}
            onChange={(e) => set("discoveredBy", e.currentTarget.value)}
          />
          <Textarea
            label={t("field.discoveredHow")}
            autosize
            minRows={2}
            value={draft.discoveredHow}
            onChange={(e) => set("discoveredHow", e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t("field.firstAnomalyAt")}
            value={draft.firstAnomalyAt}
            onChange={(e) => set("firstAnomalyAt", e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t("field.learnedAt")}
            value={draft.learnedAt}
            onChange={(e) => set("learnedAt", e.currentTarget.value)}
          />
          <Select
            label={t("field.personalData")}
            data={tri}
            value={draft.personalData}
            allowDeselect={false}
            onChange={(v) => v && set("personalData", v as WizardDraft["personalData"])}
          />
        </>
      )}
      {draft.step === 2 && (
        <>
          {draft.terminals.map((term, i) => (
            <TerminalFields
              // biome-ignore lint/suspicious/noArrayIndexKey: terminals have no id until saved; order is the identity.
              key={i}
              index={i}
              value={term}
              onChange={(v) =>
                set(
                  "terminals",
                  draft.terminals.map((x, j) => (j === i ? v : x)),
                )
              }
              onRemove={() =>
                set(
                  "terminals",
                  draft.terminals.filter((_, j) => j !== i),
                )
              }
            />
          ))}
          <Button variant="light" onClick={() => set("terminals", [...draft.terminals, emptyTerminal()])}>
            {t("addTerminal")}
          </Button>
        </>
      )}
      {draft.step === 3 && (
        <>
          <Textarea
            label={t("field.summary")}
            autosize
            minRows={3}
            value={draft.summary}
            onChange={(e) => set("summary", e.currentTarget.value)}
          />
          <Select
            label={t("field.intrusionMethod")}
            data={INTRUSIONS.map((x) => ({ value: x, label: t(`intrusion.${x}`) }))}
            value={draft.intrusionMethod}
            allowDeselect={false}
            onChange={(v) => v && set("intrusionMethod", v as WizardDraft["intrusionMethod"])}
          />
          <Select
            label={t("field.request")}
            data={["damage-report", "consultation", "undecided"].map((x) => ({
              value: x,
              label: t(`request.${x}`),
            }))}
            value={draft.request}
            allowDeselect={false}
            onChange={(v) => v && set("request", v as WizardDraft["request"])}
          />
        </>
      )}
      <Text size="xs" c="dimmed">
        {t("wizard.savedLocally")}
      </Text>
      <FormError error={save.error} />
      <Group>
        {draft.step > 0 && (
          <Button variant="default" onClick={() => set("step", draft.step - 1)}>
            {t("wizard.back")}
          </Button>
        )}
        <Button type="submit" color={draft.step === 3 ? "red" : undefined} loading={save.isPending}>
          {draft.step === 3 ? t("wizard.start") : t("wizard.next")}
        </Button>
      </Group>
    </Stack>
  );
}
