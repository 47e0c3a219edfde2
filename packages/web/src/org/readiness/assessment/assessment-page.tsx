import { Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TReadinessAssessment } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { formatDate } from "../../../i18n/format";
import { AssessmentItemCard } from "./assessment-item-card";
import { ScoreSparkline } from "./score-sparkline";
import { StatusBadge } from "./status-badge";

export const ASSESSMENT_KEY = ["readiness", "assessment"];

/** readiness/assessment: the score, the ranked gap list, every item with its answer, the history and the sources. */
export function AssessmentPage() {
  const { t, i18n } = useTranslation("readiness");
  const lang = i18n.language === "en" ? "en" : "ja";
  const { data: session } = useSession();
  const canEdit = session?.user?.role === "admin" || session?.user?.role === "member";
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ASSESSMENT_KEY,
    queryFn: () => api<TReadinessAssessment>("GET", "/api/readiness/assessment"),
  });
  const record = useMutation({
    mutationFn: () => api<TReadinessAssessment>("POST", "/api/readiness/assessment/snapshots"),
    onSuccess: (data) => {
      queryClient.setQueryData(ASSESSMENT_KEY, data);
      notifications.show({ color: "green", message: t("assessment.recorded") });
    },
  });
  const a = query.data;
  if (query.isPending) return <Loader aria-label="loading" />;
  return (
    <Stack gap="md">
      <Title order={3}>{t("assessment.title")}</Title>
      <Text size="sm">{t("assessment.intro")}</Text>
      <FormError error={query.error ?? record.error} />
      {a && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t("assessment.score")}
              </Text>
              {a.score === null ? (
                <Text data-testid="readiness-score">{t("assessment.noScore")}</Text>
              ) : (
                <Text fz={40} fw={700} data-testid="readiness-score">
                  {a.score}
                  <Text span size="md" c="dimmed">
                    {" "}
                    / 100
                  </Text>
                </Text>
              )}
              <Text size="sm">
                {t("assessment.answered", { answered: a.answered, applicable: a.applicable })}
              </Text>
              {canEdit && a.score !== null && (
                <Button
                  mt="sm"
                  size="xs"
                  variant="light"
                  onClick={() => record.mutate()}
                  loading={record.isPending}
                >
                  {t("assessment.record")}
                </Button>
              )}
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t("assessment.history")}
              </Text>
              {a.history.length === 0 ? (
                <Text size="sm">{t("assessment.noHistory")}</Text>
              ) : (
                <ScoreSparkline points={a.history} />
              )}
              {a.history.length > 0 && (
                <Text size="xs">
                  {a.history
                    .map((h) => `${formatDate(h.at)}: ${h.score}`)
                    .slice(-5)
                    .join(" · ")}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {t("assessment.historyPolicy")}
              </Text>
            </Card>
          </SimpleGrid>
          <Title order={4}>{t("assessment.gaps")}</Title>
          {a.gaps.length === 0 ? (
            <Text>{t("assessment.noGaps")}</Text>
          ) : (
            <List type="ordered" spacing="sm" data-testid="gap-list">
              {a.gaps.map((g) => (
                <List.Item key={g.itemId} data-testid="gap">
                  <Group gap="xs">
                    <Text fw={600}>{g.title[lang]}</Text>
                    <StatusBadge status={g.status} />
                    <Text size="xs" c="dimmed">
                      {t("assessment.risk", { risk: g.risk })}
                    </Text>
                  </Group>
                  <Text size="sm">
                    {t("assessment.reason")}: {g.reason[lang]}
                  </Text>
                  <Text size="sm">
                    {t("assessment.fix")}: {g.fix[lang]}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
          <Title order={4}>{t("assessment.items")}</Title>
          <Stack gap="sm">
            {a.items.map((item) => (
              <AssessmentItemCard key={item.id} item={item} sources={a.sources} canEdit={canEdit} />
            ))}
          </Stack>
          <Title order={4}>{t("assessment.sources")}</Title>
          <List size="sm">
            {a.sources.map((s) => (
              <List.Item key={s.id}>
                {s.publisher}「{s.title}」（{s.date}）
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
