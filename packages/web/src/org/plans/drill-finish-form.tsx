import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import type { TDrill, TFindingSeverity } from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

type TDraftFinding = { severity: TFindingSeverity; title: string; fix: string };

/** Summary and the participants' own findings; finishing adds findings for unanswered injects too. */
export function DrillFinishForm({ drillId, onFinished }: { drillId: string; onFinished(d: TDrill): void }) {
  const { t } = useTranslation("plans");
  const [summary, setSummary] = useState("");
  const [findings, setFindings] = useState<TDraftFinding[]>([]);
  const finish = useMutation({
    mutationFn: () =>
      api<TDrill>("POST", `/api/drills/${drillId}/finish`, {
        summary,
        findings: findings.filter((f) => f.title.trim() && f.fix.trim()),
      }),
    onSuccess: onFinished,
  });
  const setFinding = (i: number, patch: Partial<TDraftFinding>) =>
    setFindings(findings.map((f, j) => (i === j ? { ...f, ...patch } : f)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    finish.mutate();
  };
  const severities = (["high", "medium", "low"] as const).map((s) => ({
    value: s,
    label: t(`severity.${s}`),
  }));
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("runner.finishTitle")}
        </Title>
        <Textarea
          label={t("runner.summary")}
          autosize
          minRows={2}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        {findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: draft rows have no id until saved
          <Group key={i} grow wrap="wrap" align="flex-start">
            <Select
              label={`${t("runner.severity")} ${i + 1}`}
              data={severities}
              value={f.severity}
              onChange={(v) => setFinding(i, { severity: (v ?? "medium") as TFindingSeverity })}
              allowDeselect={false}
            />
            <TextInput
              label={`${t("runner.findingTitle")} ${i + 1}`}
              value={f.title}
              onChange={(e) => setFinding(i, { title: e.currentTarget.value })}
            />
            <TextInput
              label={`${t("runner.findingFix")} ${i + 1}`}
              value={f.fix}
              onChange={(e) => setFinding(i, { fix: e.currentTarget.value })}
            />
          </Group>
        ))}
        <FormError error={finish.error} />
        <Group wrap="wrap">
          <Button
            variant="default"
            onClick={() => setFindings([...findings, { severity: "medium", title: "", fix: "" }])}
          >
            {t("runner.addFinding")}
          </Button>
          <Button type="submit" color="red" loading={finish.isPending}>
            {t("runner.finish")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
