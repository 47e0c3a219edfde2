import { Alert, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import type { TDetectionView, TTriageRun } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { DetectionsList } from "./detections-list";
import { FirstResponseAnswers } from "./first-response-answers";
import { SigmaRunLine } from "./sigma-rule-ref";
import { TimelineView } from "./timeline-view";

/** Triage runs of the incident (polled while one runs), the first-response answers, detections and the timeline. */
export function TriagePanel({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation("evidence");
  const [detection, setDetection] = useState<TDetectionView | null>(null);
  const runs = useQuery({
    queryKey: ["evidence", "runs", incidentId],
    queryFn: () => api<TTriageRun[]>("GET", `/api/incidents/${incidentId}/triage/runs`),
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === "running") ? 1000 : false),
  });
  const finished =
    runs.data
      ?.filter((r) => r.status === "done")
      .map((r) => r.id)
      .join(",") ?? "";
  const detections = useQuery({
    queryKey: ["evidence", "detections", incidentId, finished],
    queryFn: () => api<TDetectionView[]>("GET", `/api/incidents/${incidentId}/triage/detections`),
    enabled: finished !== "",
  });
  const latest = runs.data?.[0];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("triage.title")}
        </Title>
        {!latest && <Text size="sm">{t("triage.none")}</Text>}
        {latest?.status === "running" && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">
              {t("triage.running", {
                done: latest.progress.fileIndex ?? 0,
                total: latest.progress.fileCount ?? "?",
              })}
            </Text>
          </Group>
        )}
        {latest?.status === "failed" && (
          <Alert color="red">{t("triage.failed", { error: latest.error ?? "" })}</Alert>
        )}
        {latest?.status === "done" && (
          <Alert color="green" role="status" data-testid="triage-done">
            {t("triage.done", { events: latest.eventCount, detections: latest.detectionCount })}
            <SigmaRunLine sigma={latest.sigma} />
          </Alert>
        )}
        {latest && latest.problems.length > 0 && (
          <Alert color="yellow" title={t("triage.problems")}>
            {latest.problems.slice(0, 10).map((p) => (
              <Text key={`${p.source}-${p.reason}`} size="xs">
                {p.source}: {p.reason}
              </Text>
            ))}
          </Alert>
        )}
        {finished !== "" && (
          <>
            <FirstResponseAnswers detections={detections.data ?? []} onShowEvents={setDetection} />
            <DetectionsList detections={detections.data ?? []} onShowEvents={setDetection} />
            <TimelineView
              incidentId={incidentId}
              detection={detection}
              onClearDetection={() => setDetection(null)}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
