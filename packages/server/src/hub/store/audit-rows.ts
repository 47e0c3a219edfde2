import { type TAuditEvent, ZAuditEvent } from "@sonae/core";
import { auditEvents, type Db } from "@sonae/db";
import type { RequestContext } from "../../platform/http/request-context";

/** One audit event of a batch, with the request it came from (ip and user agent differ per row). */
export type AuditEntry = { ctx: RequestContext; event: TAuditEvent };

/**
 * The batched form of `recordAudit`: the same validation and the same columns, many events in one
 * multi-row INSERT inside the caller's transaction (hub intake writes a batch of reports at once).
 * Hub intake events belong to no organisation of this instance, hence organisation_id NULL.
 */
export async function recordAuditEvents(tx: Pick<Db, "insert">, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map(({ ctx, event }) => {
      const { type, ...payload } = ZAuditEvent.parse(event);
      return {
        organisationId: null,
        actorUserId: ctx.actor?.userId ?? null,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        type,
        payload,
      };
    }),
  );
}
