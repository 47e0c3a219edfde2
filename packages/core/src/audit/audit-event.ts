import { z } from "zod";
import { EVIDENCE_EVENTS } from "./events/evidence-events";
import { FOUNDATION_EVENTS } from "./events/foundation-events";
import { HUB_CARD_EVENTS } from "./events/hub-card-events";
import { HUB_EVENTS } from "./events/hub-events";
import { INCIDENTS_EVENTS } from "./events/incidents-events";
import { PLANS_EVENTS } from "./events/plans-events";
import { READINESS_EVENTS } from "./events/readiness-events";

/**
 * Every change in Sonae writes one of these events, in the same transaction as the change.
 * The union is the list of things that can happen; each area keeps its members in events/<area>-events.ts.
 */
export const ZAuditEvent = z.discriminatedUnion("type", [
  ...FOUNDATION_EVENTS,
  ...READINESS_EVENTS,
  ...PLANS_EVENTS,
  ...INCIDENTS_EVENTS,
  ...EVIDENCE_EVENTS,
  ...HUB_EVENTS,
  ...HUB_CARD_EVENTS,
]);

export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export type AuditEventType = TAuditEvent["type"];

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditListResponse = z.object({
  entries: z.array(ZAuditEntry),
  nextCursor: z.string().nullable(),
});
export type TAuditListResponse = z.infer<typeof ZAuditListResponse>;
