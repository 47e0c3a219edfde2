import { AppError } from "@sonae/core";
import { type Db, hubReportShares, hubReports } from "@sonae/db";
import { and, eq, exists, or, type SQL, sql } from "drizzle-orm";
import type { HubActor } from "../auth/hub.policy";
import type { Visibility } from "../correlation/observations.repo";

/**
 * Unit-scoped access (issue 9 §6): a prefecture sees reports it owns or that were transferred or
 * shared to it; the national unit sees all. Every case query goes through this condition.
 */
export function visibleReports(actor: HubActor): SQL {
  if (actor.isNational) return sql`TRUE`;
  return or(
    eq(hubReports.unitId, actor.unitId),
    exists(
      sql`(SELECT 1 FROM ${hubReportShares} WHERE ${hubReportShares.reportId} = ${hubReports.id} AND ${hubReportShares.unitId} = ${actor.unitId})`,
    ),
  )!;
}

export function visibilityOf(actor: HubActor): Visibility {
  return actor.isNational ? { national: true } : { national: false, unitId: actor.unitId };
}

/** The report if the actor may see it; 404 otherwise (never 403: existence is not revealed). */
export async function loadVisibleReport(db: Pick<Db, "select">, actor: HubActor, reportId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .select()
    .from(hubReports)
    .where(and(eq(hubReports.id, reportId), visibleReports(actor)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
