import { Card, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import type { TAssessedItem, TChecklist, TReadinessAssessment } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { FormError } from "../../../components/form-error";
import { StatusBadge } from "./status-badge";

type Source = TChecklist["sources"][number];

/** "警察庁 令和7年… 特集Ⅱ 3": a citation as text, never a link (the documents are kept in the repository). */
export function citationText(sources: readonly Source[], c: { source: string; section: string }) {
  const s = sources.find((x) => x.id === c.source);
  return s ? `${s.title}（${s.date}）${c.section}` : c.section;
}

/** One checklist item: status, basis and reason, the police's figure on victims, and the manual answer where the registers cannot tell. */
export function AssessmentItemCard({
  item,
  sources,
  canEdit,
}: {
  item: TAssessedItem;
  sources: readonly Source[];
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation("readiness");
  const lang = i18n.language === "en" ? "en" : "ja";
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (value: string) =>
      api<TReadinessAssessment>("PUT", `/api/readiness/assessment/answers/${item.id}`, {
        answer: value,
        note: item.note,
      }),
    onSuccess: async (data) => {
      queryClient.setQueryData(["readiness", "assessment"], data);
      await queryClient.invalidateQueries({ queryKey: ["readiness", "dashboard"] });
    },
  });
  const answerable = item.basis !== "register";
  const choices = ["yes", "partial", "no", ...(item.allowNotApplicable ? ["not_applicable"] : [])];
  return (
    <Card withBorder data-testid={`assessment-item-${item.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{item.title[lang]}</Text>
          <StatusBadge status={item.status} />
        </Group>
        <Text size="sm">
          {item.basis === "register"
            ? t("assessment.fromRegister")
            : item.basis === "manual"
              ? t("assessment.fromManual")
              : t("assessment.notYet")}
          {" — "}
          {item.reason[lang]}
        </Text>
        <Text size="sm" c="dimmed">
          {t("assessment.why")}: {item.why[lang]}
        </Text>
        {item.victimFigure && (
          <Text size="sm" data-testid="victim-figure">
            {t("assessment.victims")}: {item.victimFigure.text[lang]}（
            {citationText(sources, item.victimFigure.citation)}）
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t("assessment.sources")}: {item.citations.map((c) => citationText(sources, c)).join(" / ")}
        </Text>
        {answerable && canEdit && (
          <SegmentedControl
            aria-label={`${t("assessment.answer")}: ${item.title[lang]}`}
            data={choices.map((c) => ({ value: c, label: t(`assessment.answers.${c}`) }))}
            value={item.answer ?? ""}
            onChange={(v) => answer.mutate(v)}
            disabled={answer.isPending}
            fullWidth
          />
        )}
        <FormError error={answer.error} />
      </Stack>
    </Card>
  );
}
