import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TPlanDocument, TPlanDocumentKind, TPlanReviewStatus } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { PlanDiffView } from "./plan-diff-view";
import { formatDate, formatDateTime } from "./plans-format";

const KINDS: TPlanDocumentKind[] = ["manual", "bcp", "card"];

/** Generated documents by kind: generate, approve (admins), download (PDF / offline HTML, ja / en), diff. */
export function DocumentsPanel({ canWrite, canApprove }: { canWrite: boolean; canApprove: boolean }) {
  const { t } = useTranslation("plans");
  const client = useQueryClient();
  const docs = useQuery({
    queryKey: ["plans", "documents"],
    queryFn: () => api<{ items: TPlanDocument[] }>("GET", "/api/plans/documents"),
  });
  const review = useQuery({
    queryKey: ["plans", "review"],
    queryFn: () => api<TPlanReviewStatus>("GET", "/api/plans/review-status"),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["plans"] });
  const generate = useMutation({
    mutationFn: (kind: TPlanDocumentKind) => api("POST", "/api/plans/documents", { kind }),
    onSuccess: refresh,
  });
  const approve = useMutation({
    mutationFn: (d: TPlanDocument) => api("POST", `/api/plans/documents/${d.kind}/${d.version}/approve`),
    onSuccess: refresh,
  });
  return (
    <Stack gap="md">
      <Text size="sm">{t("documents.intro")}</Text>
      {review.data && (
        <Alert
          color={review.data.isReviewedWithin12Months ? "green" : "yellow"}
          title={t("documents.reviewTitle")}
          data-testid="review-status"
        >
          {review.data.isReviewedWithin12Months ? t("documents.reviewOk") : t("documents.reviewDue")}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t("documents.offlineNote")}
      </Text>
      <FormError error={docs.error ?? generate.error ?? approve.error} />
      {KINDS.map((kind) => {
        const versions = (docs.data?.items ?? []).filter((d) => d.kind === kind);
        return (
          <Card withBorder key={kind} data-testid={`plan-${kind}`}>
            <Group justify="space-between" wrap="wrap" mb="sm">
              <Title order={3} size="h4">
                {t(`documents.kind.${kind}`)}
              </Title>
              {canWrite && (
                <Button
                  onClick={() => generate.mutate(kind)}
                  loading={generate.isPending && generate.variables === kind}
                >
                  {t("documents.generate")}
                </Button>
              )}
            </Group>
            {versions.length === 0 && <Text c="dimmed">{t("documents.none")}</Text>}
            <Stack gap="xs">
              {versions.map((d) => (
                <VersionRow key={d.id} doc={d} canApprove={canApprove} onApprove={() => approve.mutate(d)} />
              ))}
            </Stack>
            {versions.length >= 2 && (
              <Stack mt="md">
                <PlanDiffView kind={kind} versions={versions} />
              </Stack>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

function VersionRow({
  doc,
  canApprove,
  onApprove,
}: {
  doc: TPlanDocument;
  canApprove: boolean;
  onApprove(): void;
}) {
  const { t } = useTranslation("plans");
  const base = `/api/plans/documents/${doc.kind}/${doc.version}/download`;
  const name = t("documents.version", { version: doc.version });
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid={`version-${doc.kind}-${doc.version}`}>
      <Stack gap={0}>
        <Text fw={600}>
          {name}{" "}
          <Text span size="sm" c="dimmed">
            {t("documents.generatedAt", { date: formatDateTime(doc.generatedAt) })}
          </Text>
        </Text>
        <Group gap="xs">
          {doc.approvedAt ? (
            <Badge color="green" variant="light">
              {t("documents.approvedBy", {
                name: doc.approvedByName ?? "",
                date: formatDate(doc.approvedAt),
              })}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              {t("documents.notApproved")}
            </Badge>
          )}
          {doc.nextReviewDue && (
            <Badge color={doc.isReviewOverdue ? "red" : "blue"} variant="light">
              {doc.isReviewOverdue
                ? t("documents.overdue")
                : t("documents.nextReview", { date: formatDate(doc.nextReviewDue) })}
            </Badge>
          )}
        </Group>
      </Stack>
      <Group gap="sm" wrap="wrap">
        {/* Our own API's downloads (audited on the server), not attacker data. */}
        <Anchor href={`${base}?format=pdf&lang=ja`} download aria-label={`${name} ${t("documents.pdf")}`}>
          {t("documents.pdf")}
        </Anchor>
        {doc.kind !== "card" && (
          <Anchor href={`${base}?format=html&lang=ja`} download aria-label={`${name} ${t("documents.html")}`}>
            {t("documents.html")}
          </Anchor>
        )}
        <Anchor
          href={`${base}?format=pdf&lang=en`}
          download
          aria-label={`${name} ${t("documents.english")} PDF`}
        >
          {t("documents.english")} PDF
        </Anchor>
        {canApprove && !doc.approvedAt && (
          <Button
            size="compact-sm"
            variant="light"
            color="green"
            onClick={onApprove}
            aria-label={`${name} ${t("documents.approve")}`}
          >
            {t("documents.approve")}
          </Button>
        )}
      </Group>
    </Group>
  );
}
