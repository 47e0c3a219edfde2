import { AppError, type THubQueueQuery } from "@sonae/core";
import { hubOrgKeys, hubReportShares, hubReports } from "@sonae/db";
import { type SQL, sql } from "drizzle-orm";
import type { HubActor } from "../auth/hub.policy";

/** Due time of the clock that runs now (as isSlaBreached reads it); NULL when none runs. */
export const slaDueAt = sql<Date | null>`CASE
  WHEN ${hubReports.status} = 'closed' THEN NULL
  WHEN ${hubReports.acknowledgedAt} IS NULL THEN ${hubReports.ackDueAt}
  WHEN ${hubReports.status} = 'acknowledged' THEN ${hubReports.responseDueAt}
  ELSE NULL END`;

/** Within this of its due time a case counts as "due soon". */
export const DUE_SOON_MS = 2 * 3_600_000;

/** Sort expressions and the type their cursor value is cast back to. */
const SORTS: Record<THubQueueQuery["sort"], { expr: SQL; type: SQL }> = {
  received: { expr: sql`${hubReports.receivedAt}`, type: sql`timestamptz` },
  sla: { expr: sql`COALESCE(${slaDueAt}, 'infinity'::timestamptz)`, type: sql`timestamptz` },
  reference: { expr: sql`${hubReports.reference}`, type: sql`text` },
  status: {
    expr: sql`(CASE ${hubReports.status} WHEN 'new' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'in_progress' THEN 2 ELSE 3 END)`,
    type: sql`int`,
  },
  kind: { expr: sql`${hubReports.kind}`, type: sql`text` },
  unit: { expr: sql`${hubReports.unitId}`, type: sql`int` },
};

export const sortExpr = (sort: THubQueueQuery["sort"]) => SORTS[sort].expr;

type Cursor = { sort: string; dir: string; value: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.dir, c.value, c.id])).toString("base64url");
}

function badCursor(): AppError {
  return new AppError("VALIDATION", {
    field: "cursor",
    detail: {
      ja: "ページの位置が無効です。最初のページから開き直してください。",
      en: "The page position is not valid. Open the queue from its first page again.",
    },
  });
}

/** Rows after the cursor in the query's order; the cursor must belong to the same sort. */
export function afterCursor(query: THubQueueQuery): SQL | undefined {
  if (!query.cursor) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(query.cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => typeof p === "string"))
    throw badCursor();
  const [sort, dir, value, id] = parts as string[];
  if (sort !== query.sort || dir !== query.dir || !/^[0-9a-f-]{36}$/i.test(id!)) throw badCursor();
  const { expr, type } = SORTS[query.sort];
  const op = query.dir === "desc" ? sql`<` : sql`>`;
  return sql`(${expr}, ${hubReports.id}) ${op} (CAST(${value} AS ${type}), CAST(${id} AS uuid))`;
}

/** confirmed = public form or an active key; unconfirmed = a pending or revoked key. */
export function keyLane(lane: THubQueueQuery["key"]): SQL | undefined {
  if (lane === "confirmed") return sql`(${hubReports.orgKeyId} IS NULL OR ${hubOrgKeys.status} = 'active')`;
  if (lane === "unconfirmed")
    return sql`(${hubReports.orgKeyId} IS NOT NULL AND ${hubOrgKeys.status} <> 'active')`;
  return undefined;
}

export function slaState(state: NonNullable<THubQueueQuery["sla"]>, now: Date): SQL {
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  if (state === "breached") return sql`${slaDueAt} < ${now}`;
  if (state === "due_soon") return sql`(${slaDueAt} >= ${now} AND ${slaDueAt} < ${soon})`;
  return sql`(${slaDueAt} IS NULL OR ${slaDueAt} >= ${soon})`;
}

/** The actor's relation to each row (own, shared, former owner after a transfer, national). */
export function relationOf(actor: HubActor): SQL<string> {
  if (actor.isNational) return sql<string>`'national'`;
  return sql<string>`CASE
    WHEN ${hubReports.unitId} = ${actor.unitId} THEN 'own'
    WHEN EXISTS (SELECT 1 FROM ${hubReportShares} WHERE ${hubReportShares.reportId} = ${hubReports.id}
      AND ${hubReportShares.unitId} = ${actor.unitId} AND ${hubReportShares.reason} = 'transfer') THEN 'former_owner'
    ELSE 'shared' END`;
}
