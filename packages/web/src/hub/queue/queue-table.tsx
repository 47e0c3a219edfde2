import { Anchor, Badge, Table, Text, UnstyledButton } from "@mantine/core";
import { HUB_UNITS, type THubQueueRow } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";

export type QueueSort = "received" | "sla" | "reference" | "status" | "kind" | "unit";
const SLA_COLOR = { breached: "red", due_soon: "orange", on_time: "gray" } as const;

function unitName(id: number, en: boolean): string {
  const unit = HUB_UNITS.find((u) => u.id === id);
  return unit ? (en ? unit.nameEn : unit.nameJa) : String(id);
}

/** "3 h 20 min" / "3時間20分" between now and a due time. */
function span(ms: number, en: boolean): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (en) return h > 0 ? `${h} h ${m} min` : `${m} min`;
  return h > 0 ? `${h}時間${m}分` : `${m}分`;
}

/** The queue as a dense table: one row per case, headers sort (click again to reverse). */
export function QueueTable(props: {
  rows: THubQueueRow[];
  sort: QueueSort;
  dir: "asc" | "desc";
  onSort(sort: QueueSort): void;
  now: number;
}) {
  const { t, i18n } = useTranslation("hub");
  const en = i18n.language.startsWith("en");
  const head = (sort: QueueSort | null, label: string) => (
    <Table.Th>
      {sort ? (
        <UnstyledButton onClick={() => props.onSort(sort)} fw={600} fz="sm" data-testid={`sort-${sort}`}>
          {label}
          {props.sort === sort ? (props.dir === "desc" ? " ▼" : " ▲") : ""}
        </UnstyledButton>
      ) : (
        label
      )}
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="hub-queue-table">
        <Table.Thead>
          <Table.Tr>
            {head("reference", t("queue.reference"))}
            {head("received", t("queue.received"))}
            {head("kind", t("queue.kind"))}
            {head(null, t("queue.organisation"))}
            {head("unit", t("queue.unit"))}
            {head("sla", t("queue.sla"))}
            {head("status", t("queue.status"))}
            {head(null, t("queue.key"))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((c) => {
            const due = c.slaDueAt ? new Date(c.slaDueAt).getTime() - props.now : null;
            return (
              <Table.Tr key={c.id} data-testid="hub-case">
                <Table.Td>
                  <Anchor component={Link} to={`/hub/cases/${c.id}`} ff="monospace" fz="sm">
                    {c.reference}
                  </Anchor>
                  {c.relatedCount > 0 && (
                    <Badge color="orange" variant="light" ml={4} data-testid="queue-related">
                      {t("relatedExistShort", { n: c.relatedCount })}
                    </Badge>
                  )}
                  <Text fz="xs" c="dimmed" lineClamp={1}>
                    {c.title}
                  </Text>
                </Table.Td>
                <Table.Td>{formatWhen(c.receivedAt)}</Table.Td>
                <Table.Td>{t(`hubExchange:kind.${c.kind}`)}</Table.Td>
                <Table.Td>
                  {c.source === "public"
                    ? `${c.reporterName} (${t("queue.publicForm")})`
                    : (c.keyOrgName ?? c.reporterName)}
                </Table.Td>
                <Table.Td>
                  {unitName(c.unitId, en)}
                  {c.relation === "former_owner" && (
                    <Badge color="gray" variant="outline" ml={4} data-testid="transferred-away">
                      {t("queue.transferredTo", { unit: unitName(c.unitId, en) })}
                    </Badge>
                  )}
                  {c.relation === "shared" && (
                    <Badge color="blue" variant="outline" ml={4}>
                      {t("queue.sharedFrom", { unit: unitName(c.unitId, en) })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {due === null ? (
                    t("queue.noClock")
                  ) : (
                    <Badge color={SLA_COLOR[c.slaState]} variant="light">
                      {due < 0
                        ? t("queue.overdueBy", { t: span(due, en) })
                        : t("queue.dueIn", { t: span(due, en) })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={c.status === "new" ? "red" : "gray"}>
                    {t(`hubExchange:status.${c.status}`)}
                  </Badge>
                  {c.priority && (
                    <Badge color="grape" ml={4}>
                      {t(`priority.${c.priority}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {c.keyStatus && (
                    <Badge
                      color={c.keyStatus === "active" ? "green" : "red"}
                      variant="light"
                      data-testid="key-status"
                    >
                      {t(`keyStatus.${c.keyStatus}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
