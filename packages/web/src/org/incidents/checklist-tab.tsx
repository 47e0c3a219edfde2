import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import type { TChecklistStepView, TIncidentDetail } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../../components/form-error";
import { useIncidentChange } from "./incident-api";
import { formatDateTime, pick } from "./incident-format";

type Body = { stepId: string; done: boolean; note: string | null };

/** A checklist (first response or disclosure): each step records who did it and when. */
export function ChecklistTab({
  incident,
  checklist,
}: {
  incident: TIncidentDetail;
  checklist: TChecklistStepView["checklist"];
}) {
  const change = useIncidentChange<Body>(
    incident.id,
    "PUT",
    (b) => `/api/incidents/${incident.id}/checklist/${b.stepId}`,
  );
  return (
    <Stack gap="sm">
      <FormError error={change.error} />
      {incident.checklist
        .filter((s) => s.checklist === checklist)
        .map((s) => (
          <StepCard
            key={s.id}
            step={s}
            onRecord={(done, note) => change.mutate({ stepId: s.id, done, note })}
            busy={change.isPending}
          />
        ))}
    </Stack>
  );
}

function StepCard(props: {
  step: TChecklistStepView;
  onRecord: (done: boolean, note: string | null) => void;
  busy: boolean;
}) {
  const { t } = useTranslation("incidents");
  const { step } = props;
  const [note, setNote] = useState("");
  return (
    <Card withBorder data-testid={`step-${step.id}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{pick(step.title)}</Text>
        {step.done && <Badge color="green">{t("checklist.done")}</Badge>}
      </Group>
      <Text size="sm" mt={4}>
        {pick(step.detail)}
      </Text>
      {step.facts.map((f) => (
        <Text key={f.value} size="sm" mt={4}>
          <b>{pick(f.label)}:</b> {f.value}{" "}
          {f.verifiedAt ? (
            <Badge size="xs" variant="light">
              {t("checklist.verifiedOn", { date: f.verifiedAt })}
            </Badge>
          ) : (
            step.id === "contact-police" && (
              <Badge size="xs" color="orange">
                {t("checklist.unverified")}
              </Badge>
            )
          )}
        </Text>
      ))}
      {step.link && (
        <Anchor component={Link} to={step.link.path} size="sm" mt={4}>
          {pick(step.link.label)}
        </Anchor>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t("checklist.source")}: {step.source.label}
      </Text>
      {step.done ? (
        <Group mt="xs" gap="xs">
          <Text size="sm">
            {t("checklist.doneBy", { by: step.done.by, at: formatDateTime(step.done.at) })}
            {step.done.note ? ` — ${step.done.note}` : ""}
          </Text>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => props.onRecord(false, null)}
            disabled={props.busy}
          >
            {t("checklist.undo")}
          </Button>
        </Group>
      ) : (
        <Group mt="xs" align="end" gap="xs">
          <TextInput
            size="xs"
            label={t("checklist.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button size="xs" onClick={() => props.onRecord(true, note.trim() || null)} disabled={props.busy}>
            {t("checklist.markDone")}
          </Button>
        </Group>
      )}
    </Card>
  );
}
