import { auditEvents, type Db, hubMemberships, hubReports, users } from "@sonae/db";
import { and, desc, eq, like, lt, or, sql } from "drizzle-orm";
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
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorEmail: users.email,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      type: auditEvents.type,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        like(auditEvents.type, "hub.%"),
        query.before ? lt(auditEvents.id, query.before) : undefined,
        or(
          sql`${auditEvents.actorUserId} IN (SELECT ${hubMemberships.userId} FROM ${hubMemberships} WHERE ${hubMemberships.unitId} = ${unitId})`,
          sql`(${auditEvents.payload}->>'reportId') IN (SELECT ${hubReports.id}::text FROM ${hubReports} WHERE ${hubReports.unitId} = ${unitId})`,
        ),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
  await recordAudit(db, ctx, { type: "hub.unit_audit_viewed", unitId, count: rows.length });
  return {
    entries: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorEmail: r.actorEmail,
      ip: r.ip,
      userAgent: r.userAgent,
      type: r.type,
      payload: r.payload,
    })),
    nextCursor: rows.length === query.limit ? String(rows.at(-1)?.id) : null,
  };
}
