import { AppError } from "@sonae/core";
import { type Db, hubReportShares, hubReports } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { type HubCaseAction, type HubRelation, hubRightAllows, relationToCase } from "../auth/hub-rights";

type Row = typeof hubReports.$inferSelect;

/** The report and how the actor's unit stands to it ("none" when it is not visible to them). */
export async function caseWithRelation(
  db: Pick<Db, "select">,
  actor: HubActor,
  reportId: string,
): Promise<{ row: Row | undefined; relation: HubRelation | "none" }> {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) return { row: undefined, relation: "none" };
  const [found] = await db
    .select({ row: hubReports, shareReason: hubReportShares.reason })
    .from(hubReports)
    .leftJoin(
      hubReportShares,
      and(eq(hubReportShares.reportId, hubReports.id), eq(hubReportShares.unitId, actor.unitId)),
    )
    .where(eq(hubReports.id, reportId))
    .limit(1);
  if (!found) return { row: undefined, relation: "none" };
  return { row: found.row, relation: relationToCase(actor, found.row.unitId, found.shareReason) };
}

/**
 * The case if the policy table lets the actor do `action` on it. Invisible → 404 (existence is
 * not revealed); visible but not allowed → 403. Every refusal is audited on `db` itself, outside
 * any transaction of the caller, so the record survives the failed request.
 */
export async function authoriseCase(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  reportId: string,
  action: HubCaseAction,
): Promise<Row> {
  const { row, relation } = await caseWithRelation(db, actor, reportId);
  if (row && hubRightAllows(actor.hubRole, relation, action)) return row;
  await recordAudit(db, ctx, {
    type: "hub.access_refused",
    reportId: row ? row.id : reportId.slice(0, 64),
    action,
    relation,
    unitId: actor.unitId,
  });
  throw new AppError(relation === "none" ? "NOT_FOUND" : "FORBIDDEN");
}
