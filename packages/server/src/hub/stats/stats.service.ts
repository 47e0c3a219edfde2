import { AppError, startOfJapanDay, type THubStats, type THubStatsQuery } from "@sonae/core";
import { type Db, hubReports } from "@sonae/db";
import { and, gte, lt, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { toSpreadsheetCsv } from "../../platform/csv/spreadsheet-csv";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { visibleReports } from "../cases/case-access";

/** Longest period one query may cover: statistics are for reports and trends, not bulk extraction. */
const MAX_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

/** [start, end) instants of the Japanese calendar days `from`…`to` (both included). */
export function periodOf(q: THubStatsQuery): { start: Date; end: Date } {
  const start = startOfJapanDay(q.from);
  const end = new Date(startOfJapanDay(q.to).getTime() + DAY_MS);
  if (end <= start) throw new AppError("VALIDATION", { field: "to" });
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) {
    throw new AppError("VALIDATION", {
      field: "from",
      detail: {
        ja: "集計期間は最長3年です。",
        en: "A statistics period can cover at most three years.",
      },
    });
  }
  return { start, end };
}

type Row = { key: string | number | null; count: number };

async function countBy(db: Db, where: SQL, key: SQL): Promise<Row[]> {
  const rows = await db
    .select({ key: sql<string | number | null>`${key}`.as("key"), count: sql<number>`count(*)::int` })
    .from(hubReports)
    .where(where)
    .groupBy(sql`1`)
    .orderBy(sql`2 DESC`, sql`1`);
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/**
 * Counts over the reports the actor's unit may see, received in the period. Only routing
 * metadata is read (kind, category, status, unit, times): nothing is decrypted. The read is audited.
 */
export async function getHubStats(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  query: THubStatsQuery,
  format: "json" | "csv" = "json",
  now = new Date(),
): Promise<THubStats> {
  const { start, end } = periodOf(query);
  const where = and(
    visibleReports(actor),
    gte(hubReports.receivedAt, start),
    lt(hubReports.receivedAt, end),
  )!;
  const jstMonth = sql`to_char(${hubReports.receivedAt} AT TIME ZONE 'UTC' + interval '9 hours', 'YYYY-MM')`;
  const [bySource, byKind, byCategory, byStatus, byUnit, byMonth] = [
    await countBy(db, where, sql`${hubReports.source}`),
    await countBy(db, where, sql`${hubReports.kind}`),
    await countBy(db, where, sql`${hubReports.category}`),
    await countBy(db, where, sql`${hubReports.status}`),
    await countBy(db, where, sql`${hubReports.unitId}`),
    await countBy(db, where, jstMonth),
  ];
  const [ack] = await db
    .select({
      acknowledged: sql<number>`count(${hubReports.acknowledgedAt})::int`,
      withinSla: sql<number>`count(*) FILTER (WHERE ${hubReports.acknowledgedAt} <= ${hubReports.ackDueAt})::int`,
      medianMinutes: sql<
        number | null
      >`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${hubReports.acknowledgedAt} - ${hubReports.receivedAt}) / 60)`,
      overdueNow: sql<number>`count(*) FILTER (WHERE ${hubReports.acknowledgedAt} IS NULL AND ${hubReports.status} <> 'closed' AND ${hubReports.ackDueAt} < ${now})::int`,
    })
    .from(hubReports)
    .where(where);
  await recordAudit(db, ctx, {
    type: "hub.stats_viewed",
    unitId: actor.unitId,
    from: query.from,
    to: query.to,
    format,
  });
  const median = ack?.medianMinutes == null ? null : Math.round(Number(ack.medianMinutes) * 10) / 10;
  return {
    from: query.from,
    to: query.to,
    scope: actor.isNational ? "national" : "unit",
    unitId: actor.unitId,
    total: bySource.reduce((n, r) => n + r.count, 0),
    bySource: bySource as THubStats["bySource"],
    byKind: byKind as THubStats["byKind"],
    byCategory: byCategory as THubStats["byCategory"],
    byStatus: byStatus as THubStats["byStatus"],
    byUnit: byUnit.map((r) => ({ key: Number(r.key), count: r.count })),
    byMonth: byMonth.map((r) => ({ key: String(r.key), count: r.count })),
    acknowledgement: {
      acknowledged: Number(ack?.acknowledged ?? 0),
      withinSla: Number(ack?.withinSla ?? 0),
      medianMinutes: median,
      overdueNow: Number(ack?.overdueNow ?? 0),
    },
    generatedAt: now.toISOString(),
  };
}

/** The same figures as one Excel-safe CSV table: dimension, value, count. */
export function statsToCsv(stats: THubStats): string {
  const rows: (string | number)[][] = [["period", `${stats.from}..${stats.to}`, stats.total]];
  const dims = [
    ["source", stats.bySource],
    ["kind", stats.byKind],
    ["category", stats.byCategory],
    ["status", stats.byStatus],
    ["unit", stats.byUnit],
    ["month", stats.byMonth],
  ] as const;
  for (const [name, list] of dims) {
    for (const r of list) rows.push([name, r.key === null ? "unclassified" : String(r.key), r.count]);
  }
  const a = stats.acknowledgement;
  rows.push(["ack", "acknowledged", a.acknowledged], ["ack", "within_sla", a.withinSla]);
  rows.push(["ack", "median_minutes", a.medianMinutes ?? ""], ["ack", "overdue_now", a.overdueNow]);
  return toSpreadsheetCsv(["dimension", "value", "count"], rows);
}
