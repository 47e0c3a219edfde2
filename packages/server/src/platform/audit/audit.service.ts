import { type TAuditEvent, ZAuditEvent } from "@sonae/core";
import { auditEvents, type Db } from "@sonae/db";
import type { RequestContext } from "../http/request-context";

type Tx = Pick<Db, "insert">;

/**
 * Appends one audit event. Call it with the transaction that makes the change, so the change
 * and its record commit or fail together.
 */
export async function recordAudit(
  tx: Tx,
  ctx: RequestContext,
  event: TAuditEvent,
  organisationId: string | null = ctx.actor?.organisationId ?? null,
): Promise<void> {
  const { type, ...payload } = ZAuditEvent.parse(event);
  await tx.insert(auditEvents).values({
    organisationId,
    actorUserId: ctx.actor?.userId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    type,
    payload,
  });
}
