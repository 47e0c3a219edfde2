import { Button, Card, Group, Select, Stack, Textarea } from "@mantine/core";
import type { TDrill } from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { currentLang } from "./plans-format";

/** Records a participant's decision or question against a revealed inject (the server stamps the time). */
export function DecisionForm({ drill, onRecorded }: { drill: TDrill; onRecorded(d: TDrill): void }) {
  const { t } = useTranslation("plans");
  const lang = currentLang();
  const latest = drill.dueInjects.at(-1)?.id ?? null;
  const [injectId, setInjectId] = useState<string | null>(null);
  const [participant, setParticipant] = useState<string | null>(drill.participants[0]?.name ?? null);
  const [text, setText] = useState("");
  const record = useMutation({
    mutationFn: () =>
      api<TDrill>("POST", `/api/drills/${drill.id}/decisions`, {
        injectId: injectId ?? latest,
        participant,
        text,
      }),
    onSuccess: (d) => {
      setText("");
      onRecorded(d);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Group grow wrap="wrap" align="flex-start">
          <Select
            label={t("runner.injectSelect")}
            data={drill.dueInjects.map((inject, i) => ({
              value: inject.id,
              label: `${i + 1}. ${inject.phase[lang]}`,
            }))}
            value={injectId ?? latest}
            onChange={setInjectId}
            allowDeselect={false}
          />
          <Select
            label={t("runner.participant")}
            data={[...new Set(drill.participants.map((p) => p.name))]}
            value={participant}
            onChange={setParticipant}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t("runner.decisionText")}
          required
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <FormError error={record.error} />
        <Group>
          <Button type="submit" loading={record.isPending} disabled={!text.trim() || !participant}>
            {t("runner.record")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
