import type { TAuditListResponse } from "@sonae/core";
import { auditEvents, type Db, users } from "@sonae/db";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";

/**
 * One page of audit events, newest first, that satisfy `where` (an organisation's events, a hub
 * unit's): the actor's e-mail beside each, and the cursor for the next page.
 */
export async function findAuditPage(
  db: Pick<Db, "select">,
  where: SQL | undefined,
  page: { before?: number; limit: number },
): Promise<TAuditListResponse> {
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
    .where(and(where, page.before ? lt(auditEvents.id, page.before) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit);
  return {
    entries: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
    nextCursor: rows.length === page.limit ? String(rows.at(-1)?.id) : null,
  };
}

/** An organisation's audit log, optionally one event type. */
export function findAuditEvents(
  db: Pick<Db, "select">,
  organisationId: string,
  opts: { before?: number; limit: number; type?: string },
): Promise<TAuditListResponse> {
  return findAuditPage(
    db,
    and(
      eq(auditEvents.organisationId, organisationId),
      opts.type ? eq(auditEvents.type, opts.type) : undefined,
    ),
    opts,
  );
}
