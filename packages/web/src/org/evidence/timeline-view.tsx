import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { TDetectionView, TTimelinePage, TTimelineQueryView } from "@sonae/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { formatJst } from "./evidence-api";
import { SigmaRuleRef } from "./sigma-rule-ref";

const PAGE = 100;
type Filters = Pick<TTimelineQueryView, "q" | "host" | "source" | "user" | "sort"> & { eventId?: string };

/** The merged timeline: filters, full-text search, sort, pages; JST first with UTC on request. */
export function TimelineView({
  incidentId,
  detection,
  onClearDetection,
}: {
  incidentId: string;
  detection: TDetectionView | null;
  onClearDetection: () => void;
}) {
  const { t, i18n } = useTranslation("evidence");
  const lang = i18n.language === "en" ? "en" : "ja";
  const [filters, setFilters] = useState<Filters>({ sort: "time" });
  const [offset, setOffset] = useState(0);
  const [showUtc, setShowUtc] = useState(false);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, String(v));
  if (detection) params.set("detectionId", detection.id);
  const exportQuery = params.toString();
  params.set("offset", String(offset));
  params.set("limit", String(PAGE));
  const query = useQuery({
    queryKey: ["evidence", "timeline", incidentId, params.toString()],
    queryFn: () => api<TTimelinePage>("GET", `/api/incidents/${incidentId}/triage/timeline?${params}`),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setOffset(0);
  };
  const page = query.data;
  const sortKeys = ["time", "-time", "host", "event", "user", "sourceAddress"] as const;
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t("timeline.title")}
      </Title>
      {detection && (
        <Alert color="blue" data-testid="detection-filter">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{t("timeline.filteredByDetection", { title: detection.title[lang] })}</Text>
            <Button size="xs" variant="subtle" onClick={onClearDetection}>
              {t("timeline.clearDetection")}
            </Button>
          </Group>
          {detection.sigma && <SigmaRuleRef sigma={detection.sigma} />}
        </Alert>
      )}
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          label={t("timeline.search")}
          value={filters.q ?? ""}
          onChange={(e) => set({ q: e.currentTarget.value })}
        />
        <Select
          label={t("timeline.host")}
          data={[
            { value: "", label: t("timeline.all") },
            ...(page?.hosts ?? []).map((h) => ({ value: h, label: h })),
          ]}
          value={filters.host ?? ""}
          onChange={(v) => set({ host: v || undefined })}
        />
        <Select
          label={t("timeline.source")}
          data={[
            { value: "", label: t("timeline.all") },
            ...(page?.sources ?? []).map((s) => ({ value: s, label: s })),
          ]}
          value={filters.source ?? ""}
          onChange={(v) => set({ source: v || undefined })}
          w={260}
        />
        <TextInput
          label={t("timeline.user")}
          value={filters.user ?? ""}
          onChange={(e) => set({ user: e.currentTarget.value })}
          w={140}
        />
        <TextInput
          label={t("timeline.eventId")}
          inputMode="numeric"
          value={filters.eventId ?? ""}
          onChange={(e) => set({ eventId: e.currentTarget.value.replace(/\D/g, "") })}
          w={100}
        />
        <Select
          label={t("timeline.sort")}
          data={sortKeys.map((k) => ({ value: k, label: t(`timeline.sortOptions.${k}`) }))}
          value={filters.sort}
          onChange={(v) => set({ sort: (v ?? "time") as Filters["sort"] })}
        />
        <Checkbox
          label={t("timeline.showUtc")}
          checked={showUtc}
          onChange={(e) => setShowUtc(e.currentTarget.checked)}
        />
      </Group>
      <Group gap="md">
        <Anchor href={`/api/incidents/${incidentId}/triage/export/csv?${exportQuery}`} download>
          {t("timeline.exportCsv")}
        </Anchor>
        <Anchor href={`/api/incidents/${incidentId}/triage/export/jsonl?${exportQuery}`} download>
          {t("timeline.exportJsonl")}
        </Anchor>
      </Group>
      <FormError error={query.error} />
      {page && page.total === 0 && <Text size="sm">{t("timeline.empty")}</Text>}
      {page && page.total > 0 && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="timeline-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("timeline.timeJst")}</Table.Th>
                  {showUtc && <Table.Th>{t("timeline.timeUtc")}</Table.Th>}
                  <Table.Th>{t("timeline.host")}</Table.Th>
                  <Table.Th>{t("timeline.event")}</Table.Th>
                  <Table.Th>{t("timeline.user")}</Table.Th>
                  <Table.Th>{t("timeline.sourceAddress")}</Table.Th>
                  <Table.Th>{t("timeline.source")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatJst(e.time)}</Table.Td>
                    {showUtc && <Table.Td style={{ whiteSpace: "nowrap" }}>{e.time}</Table.Td>}
                    <Table.Td>{e.host}</Table.Td>
                    <Table.Td>
                      {e.recovered && (
                        <Badge color="orange" variant="light" mr={4} title={t("timeline.recoveredHint")}>
                          {t("timeline.recovered")}
                        </Badge>
                      )}
                      {e.event}
                    </Table.Td>
                    <Table.Td>{e.user}</Table.Td>
                    <Table.Td>{e.sourceAddress}</Table.Td>
                    <Table.Td fz="xs" style={{ wordBreak: "break-all" }}>
                      {e.source.replace(/^[0-9a-f]{12}\.zip:/, "")}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" data-testid="timeline-total">
              {t("timeline.total", {
                total: page.total,
                from: offset + 1,
                to: Math.min(offset + PAGE, page.total),
              })}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t("timeline.prev")}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={offset + PAGE >= page.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t("timeline.next")}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}
