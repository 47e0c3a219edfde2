import { auditEvents, type Db, users } from "@sonae/db";
import { and, desc, eq, lt } from "drizzle-orm";

export async function findAuditEvents(
  db: Db,
  organisationId: string,
  opts: { before?: number; limit: number; type?: string },
) {
  return db
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
        eq(auditEvents.organisationId, organisationId),
        opts.before ? lt(auditEvents.id, opts.before) : undefined,
        opts.type ? eq(auditEvents.type, opts.type) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(opts.limit);
}
