import { NATIONAL_UNIT_ID } from "@sonae/core";
import { type Db, hubAlerts, hubReportShares, hubReports } from "@sonae/db";
import { and, eq, inArray } from "drizzle-orm";
import type { RequestContext } from "../../http/request-context";
import { recordAudit } from "../audit/audit.service";
import { findRelatedHits } from "./observations.repo";

type Tx = Pick<Db, "insert" | "select" | "execute">;

/**
 * After a report's observations are in: when it shares indicators with earlier reports, alert the
 * national unit (sees all) and the report's own unit if any related report is visible to it.
 * One alert row per (report, unit): alerts grow with reports, not with pairs.
 */
export async function raiseAlerts(
  tx: Tx,
  ctx: RequestContext,
  report: { id: string; reference: string; unitId: number },
): Promise<number> {
  const hits = await findRelatedHits(tx, report.id, { national: true });
  if (hits.length === 0) return 0;
  const ids = [...new Set(hits.map((h) => h.reportId))];
  const targets = new Map<number, number>([[NATIONAL_UNIT_ID, ids.length]]);
  if (report.unitId !== NATIONAL_UNIT_ID) {
    const owned = await tx
      .select({ id: hubReports.id })
      .from(hubReports)
      .where(and(inArray(hubReports.id, ids), eq(hubReports.unitId, report.unitId)));
    const shared = await tx
      .select({ id: hubReportShares.reportId })
      .from(hubReportShares)
      .where(and(inArray(hubReportShares.reportId, ids), eq(hubReportShares.unitId, report.unitId)));
    const visible = new Set([...owned, ...shared].map((r) => r.id));
    if (visible.size > 0) targets.set(report.unitId, visible.size);
  }
  for (const [unitId, relatedCount] of targets) {
    await tx
      .insert(hubAlerts)
      .values({ reportId: report.id, unitId, relatedCount })
      .onConflictDoUpdate({ target: [hubAlerts.reportId, hubAlerts.unitId], set: { relatedCount } });
    await recordAudit(
      tx,
      ctx,
      { type: "hub.alert_raised", reportId: report.id, reference: report.reference, unitId, relatedCount },
      null,
    );
  }
  return ids.length;
}
