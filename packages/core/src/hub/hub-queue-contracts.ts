import { z } from "zod";
import { ZHubCaseSummary } from "./hub-case-contracts";
import { ZHubReportKind, ZHubStatus, ZHubUnitId } from "./hub-contracts";

/** Columns the queue sorts by; `sla` is the due time of the clock currently running (most urgent first). */
export const HUB_QUEUE_SORTS = ["received", "sla", "reference", "status", "kind", "unit"] as const;
export const ZHubQueueSort = z.enum(HUB_QUEUE_SORTS);

/** SLA state of a case: breached, due within two hours, or on time (incl. closed). */
export const ZHubSlaState = z.enum(["breached", "due_soon", "on_time"]);
export type THubSlaState = z.infer<typeof ZHubSlaState>;

/**
 * The unit's relation to a case: it owns it, it was shared with it (share or escalation), it
 * owned it before a transfer (the case now belongs to `unitId`), or national sight of everything.
 */
export const ZHubCaseRelation = z.enum(["own", "shared", "former_owner", "national"]);
export type THubCaseRelation = z.infer<typeof ZHubCaseRelation>;

/**
 * Query of the queue (GET /api/hub/cases). `key`: "confirmed" shows confirmed organisations and
 * the public form (the default, so unconfirmed keys can never bury them), "unconfirmed" the
 * unconfirmed lane, "all" both. `q` searches the reference (prefix), the organisation name of
 * the key, and indicators (exact value, as the report's index holds it).
 */
export const ZHubQueueQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  sort: ZHubQueueSort.default("received"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  q: z.string().trim().max(300).optional(),
  status: ZHubStatus.optional(),
  sla: ZHubSlaState.optional(),
  kind: ZHubReportKind.optional(),
  unitId: z.coerce.number().pipe(ZHubUnitId).optional(),
  key: z.enum(["confirmed", "unconfirmed", "all"]).default("confirmed"),
});
export type THubQueueQuery = z.infer<typeof ZHubQueueQuery>;

export const ZHubQueueRow = ZHubCaseSummary.extend({
  keyStatus: z.enum(["pending", "active", "revoked"]).nullable(),
  /** Organisation name the signing key was enrolled with (null for the public form). */
  keyOrgName: z.string().nullable(),
  relation: ZHubCaseRelation,
  slaState: ZHubSlaState,
  /** Due time of the running clock (acknowledgement, then response); null when none runs. */
  slaDueAt: z.string().nullable(),
  /** Other cases (any unit) sharing an indicator: a flag for officers who cannot open them. */
  relatedCount: z.int(),
});
export type THubQueueRow = z.infer<typeof ZHubQueueRow>;

export const ZHubQueuePage = z.object({
  items: z.array(ZHubQueueRow),
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: z.string().nullable(),
  /** Open cases of the unconfirmed lane the unit may see: shown as a count so they are never hidden. */
  unconfirmedOpen: z.int(),
});
export type THubQueuePage = z.infer<typeof ZHubQueuePage>;
