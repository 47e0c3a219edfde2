import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TDrill } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api/client";
import { useSession } from "../../api/session";
import { FormError } from "../../components/form-error";
import { DecisionForm } from "./drill-decision-form";
import { DrillFinishForm } from "./drill-finish-form";
import { DrillReport } from "./drill-report";
import { currentLang, formatDateTime } from "./plans-format";

/**
 * The drill runner: due injects (the server decides which), the decisions recorded against each,
 * the facilitator's "next inject" control, and the finish form; after finishing, the report.
 * Real-time drills poll so every screen in the room shows the same injects.
 */
export function DrillRunnerPage() {
  const { t } = useTranslation("plans");
  const lang = currentLang();
  const { id = "" } = useParams();
  const { data: session } = useSession();
  const canWrite = session?.user?.role === "admin" || session?.user?.role === "member";
  const client = useQueryClient();
  const key = ["drills", "run", id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api<TDrill>("GET", `/api/drills/${id}`),
    refetchInterval: (q) => (q.state.data?.mode === "realtime" && !q.state.data.finishedAt ? 5_000 : false),
  });
  const update = (drill: TDrill) => {
    client.setQueryData(key, drill);
    void client.invalidateQueries({ queryKey: ["drills", "history"] });
  };
  const next = useMutation({
    mutationFn: () => api<TDrill>("POST", `/api/drills/${id}/next-inject`),
    onSuccess: update,
  });
  const drill = query.data;
  if (!drill) return <FormError error={query.error} />;
  const running = !drill.finishedAt;
  return (
    <Stack maw={880} gap="md">
      <Anchor component={Link} to="/plans?tab=drills" size="sm">
        {t("runner.back")}
      </Anchor>
      <Title order={2}>{drill.scenario.title[lang]}</Title>
      <Text size="sm" c="dimmed">
        {t("runner.startedAt", { date: formatDateTime(drill.startedAt) })} ·{" "}
        {drill.participants.map((p) => (p.role ? `${p.name}（${p.role}）` : p.name)).join("、")}
      </Text>
      {running ? (
        <>
          {drill.dueInjects.map((inject, i) => (
            <Card withBorder key={inject.id} data-testid={`inject-${inject.id}`}>
              <Group gap="xs" mb={4}>
                <Badge variant="light">{t("runner.inject", { n: i + 1, minute: inject.minute })}</Badge>
                <Text size="sm" fw={600}>
                  {inject.phase[lang]}
                </Text>
              </Group>
              <Text>{inject.text[lang]}</Text>
              {drill.decisions
                .filter((d) => d.injectId === inject.id)
                .map((d) => (
                  <Text size="sm" key={d.id} mt={4}>
                    → {t("runner.minute", { minute: d.minute })} {d.participant}: {d.text}
                  </Text>
                ))}
            </Card>
          ))}
          {canWrite && (
            <>
              <DecisionForm drill={drill} onRecorded={update} />
              <Group>
                {drill.mode === "facilitated" && drill.hasMoreInjects && (
                  <Button
                    variant="filled"
                    color="orange"
                    onClick={() => next.mutate()}
                    loading={next.isPending}
                  >
                    {t("runner.next")}
                  </Button>
                )}
                {!drill.hasMoreInjects && <Alert color="blue">{t("runner.allRevealed")}</Alert>}
                {drill.mode === "realtime" && drill.hasMoreInjects && (
                  <Text size="sm" c="dimmed">
                    {t("runner.waiting")}
                  </Text>
                )}
              </Group>
              <FormError error={next.error} />
              <DrillFinishForm drillId={drill.id} onFinished={update} />
            </>
          )}
        </>
      ) : (
        <DrillReport drill={drill} />
      )}
    </Stack>
  );
}
