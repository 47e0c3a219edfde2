import { auditEvents, type Db, hubMemberships, hubReports } from "@sonae/db";
import { and, like, or, sql } from "drizzle-orm";
import { findAuditPage } from "../../platform/audit/audit.repo";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertHubCan, type HubActor, unitOf } from "./hub.policy";

/**
 * A unit's audit log (issue 16 §6): hub events done by the unit's current members, and hub events
 * about the cases the unit owns (reads by others, refused attempts, messages, triage). A unit
 * admin reads their own unit's; a national unit admin any unit's. Reading it is itself audited.
 */
export async function listUnitAudit(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  query: { unitId?: number; before?: number; limit: number },
) {
  const unitId = query.unitId ?? actor.unitId;
  unitOf(unitId);
  assertHubCan(actor, "audit.read", unitId);
  const page = await findAuditPage(
    db,
    and(
      like(auditEvents.type, "hub.%"),
      or(
        sql`${auditEvents.actorUserId} IN (SELECT ${hubMemberships.userId} FROM ${hubMemberships} WHERE ${hubMemberships.unitId} = ${unitId})`,
        sql`(${auditEvents.payload}->>'reportId') IN (SELECT ${hubReports.id}::text FROM ${hubReports} WHERE ${hubReports.unitId} = ${unitId})`,
      ),
    ),
    query,
  );
  await recordAudit(db, ctx, { type: "hub.unit_audit_viewed", unitId, count: page.entries.length });
  return page;
}
