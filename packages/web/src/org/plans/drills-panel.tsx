import { Badge, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import type { TDrill, TDrillFinding, TDrillHistoryEntry } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { currentLang, formatDateTime } from "./plans-format";

type TScenario = {
  id: string;
  title: { ja: string; en: string };
  summary: { ja: string; en: string };
  source: { ja: string; en: string };
  durationMinutes: number;
  injectCount: number;
};

/** "山田 太郎, 対応責任者" per line → participants. */
function parseParticipants(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = "", ...role] = line.split(/[,、，]/);
      return { name: name.trim(), role: role.join(",").trim() };
    });
}

/** Scenarios to start, the drill history and the open findings (the readiness gap items). */
export function DrillsPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation("plans");
  const lang = currentLang();
  const scenarios = useQuery({
    queryKey: ["drills", "scenarios"],
    queryFn: () => api<{ items: TScenario[] }>("GET", "/api/drills/scenarios"),
  });
  const history = useQuery({
    queryKey: ["drills", "history"],
    queryFn: () => api<{ items: TDrillHistoryEntry[] }>("GET", "/api/drills"),
  });
  return (
    <Stack gap="md">
      <Text size="sm">{t("drills.intro")}</Text>
      <FormError error={scenarios.error ?? history.error} />
      <Title order={3} size="h4">
        {t("drills.scenarios")}
      </Title>
      {scenarios.data?.items.map((s) => (
        <ScenarioCard key={s.id} scenario={s} canWrite={canWrite} />
      ))}
      <Title order={3} size="h4">
        {t("drills.history")}
      </Title>
      {history.data?.items.length === 0 && <Text c="dimmed">{t("drills.noHistory")}</Text>}
      {history.data?.items.map((h) => (
        <Card withBorder key={h.id} padding="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>
                {scenarios.data?.items.find((s) => s.id === h.scenarioId)?.title[lang] ?? h.scenarioId}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(h.startedAt)} · {h.participants.join("、")}
              </Text>
              <Text size="sm">
                {t("drills.findingCount", { count: h.findingCount, open: h.openFindingCount })}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge color={h.finishedAt ? "gray" : "orange"}>
                {h.finishedAt
                  ? t("drills.finishedAt", { date: formatDateTime(h.finishedAt) })
                  : t("drills.running")}
              </Badge>
              <Button component={Link} to={`/plans/drills/${h.id}`} size="compact-sm" variant="light">
                {t("drills.open")}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
      <OpenFindings canWrite={canWrite} />
    </Stack>
  );
}

function ScenarioCard({ scenario, canWrite }: { scenario: TScenario; canWrite: boolean }) {
  const { t } = useTranslation("plans");
  const lang = currentLang();
  const navigate = useNavigate();
  const [participants, setParticipants] = useState("");
  const [mode, setMode] = useState<"facilitated" | "realtime">("facilitated");
  const start = useMutation({
    mutationFn: () =>
      api<TDrill>("POST", "/api/drills", {
        scenarioId: scenario.id,
        mode,
        participants: parseParticipants(participants),
      }),
    onSuccess: (drill) => navigate(`/plans/drills/${drill.id}`),
  });
  return (
    <Card withBorder data-testid={`scenario-${scenario.id}`}>
      <Text fw={600}>{scenario.title[lang]}</Text>
      <Text size="sm">{scenario.summary[lang]}</Text>
      <Text size="xs" c="dimmed">
        {t("drills.duration", { minutes: scenario.durationMinutes, count: scenario.injectCount })} ·{" "}
        {t("drills.source", { source: scenario.source[lang] })}
      </Text>
      {canWrite && (
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t("drills.participants")}
            autosize
            minRows={2}
            value={participants}
            onChange={(e) => setParticipants(e.currentTarget.value)}
          />
          <Radio.Group label={t("drills.mode")} value={mode} onChange={(v) => setMode(v as typeof mode)}>
            <Group mt={4} wrap="wrap">
              <Radio value="facilitated" label={t("drills.modeFacilitated")} />
              <Radio value="realtime" label={t("drills.modeRealtime")} />
            </Group>
          </Radio.Group>
          <FormError error={start.error} />
          <Group>
            <Button
              onClick={() => start.mutate()}
              loading={start.isPending}
              disabled={parseParticipants(participants).length === 0}
              aria-label={`${t("drills.start")}: ${scenario.title[lang]}`}
            >
              {t("drills.start")}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function OpenFindings({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation("plans");
  const lang = currentLang();
  const client = useQueryClient();
  const findings = useQuery({
    queryKey: ["drills", "findings"],
    queryFn: () => api<{ items: TDrillFinding[] }>("GET", "/api/drills/findings"),
  });
  const close = useMutation({
    mutationFn: (id: string) => api("POST", `/api/drills/findings/${id}/close`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["drills"] }),
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t("drills.findingsOpen")}
      </Title>
      <FormError error={findings.error ?? close.error} />
      {findings.data?.items.length === 0 && <Text c="dimmed">{t("drills.noFindings")}</Text>}
      {findings.data?.items.map((f) => (
        <Card withBorder key={f.id} padding="sm">
          <Group justify="space-between" wrap="wrap" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Badge color={f.severity === "high" ? "red" : f.severity === "medium" ? "orange" : "gray"}>
                  {t(`severity.${f.severity}`)}
                </Badge>
                <Text fw={600}>{f.title[lang]}</Text>
              </Group>
              <Text size="sm">{f.fix[lang]}</Text>
            </Stack>
            {canWrite && (
              <Button size="compact-sm" variant="light" onClick={() => close.mutate(f.id)}>
                {t("drills.close")}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
