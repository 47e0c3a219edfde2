import { z } from "zod";

const report = { reportId: z.string(), reference: z.string() };

/**
 * Audit events of the hub area: police/CSIRT hub: intake, routing, messages, correlation.
 * Reads of cases are confidential police records and are audited too (issue 9 §6).
 */
export const HUB_EVENTS = [
  z.object({ type: z.literal("hub.units_seeded"), count: z.int() }),
  z.object({
    type: z.literal("hub.membership_set"),
    userId: z.string(),
    unitId: z.int(),
    role: z.string(),
    /** The unit and role before the change (null: the user had no membership). */
    fromUnitId: z.int().nullable().optional(),
    fromRole: z.string().nullable().optional(),
  }),
  z.object({
    type: z.literal("hub.membership_removed"),
    userId: z.string(),
    unitId: z.int(),
    role: z.string(),
  }),
  /** A case action refused by the rights table (invisible → 404, visible but not allowed → 403). */
  z.object({
    type: z.literal("hub.access_refused"),
    reportId: z.string(),
    action: z.string(),
    relation: z.string(),
    unitId: z.int(),
  }),
  z.object({ type: z.literal("hub.alerts_viewed"), unitId: z.int(), alertIds: z.array(z.string()) }),
  z.object({ type: z.literal("hub.org_keys_viewed"), unitId: z.int(), keyIds: z.array(z.string()) }),
  z.object({ type: z.literal("hub.memberships_viewed"), unitId: z.int(), count: z.int() }),
  z.object({ type: z.literal("hub.unit_audit_viewed"), unitId: z.int(), count: z.int() }),
  z.object({ type: z.literal("hub.org_key_registered"), keyId: z.string(), fingerprint: z.string() }),
  z.object({
    type: z.literal("hub.org_key_status_set"),
    keyId: z.string(),
    status: z.enum(["pending", "active", "revoked"]),
  }),
  z.object({
    type: z.literal("hub.report_received"),
    ...report,
    source: z.enum(["organisation", "public"]),
    unitId: z.int(),
  }),
  z.object({ type: z.literal("hub.case_viewed"), ...report }),
  /** Which cases a queue page showed (their ids), not only how many. */
  z.object({
    type: z.literal("hub.queue_viewed"),
    unitId: z.int(),
    count: z.int(),
    reportIds: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal("hub.attachment_read"), ...report, attachmentId: z.string() }),
  /** A case exported for the file (the report package, messages, actions and audit trail). */
  z.object({
    type: z.literal("hub.case_exported"),
    ...report,
    format: z.enum(["pdf"]),
    lang: z.enum(["ja", "en"]),
  }),
  z.object({
    type: z.literal("hub.attachment_added"),
    ...report,
    attachmentId: z.string(),
    sizeBytes: z.int(),
  }),
  z.object({
    type: z.literal("hub.case_updated"),
    ...report,
    action: z.string(),
    from: z.unknown().optional(),
    to: z.unknown().optional(),
  }),
  z.object({
    type: z.literal("hub.message_posted"),
    ...report,
    direction: z.enum(["police", "reporter"]),
    kind: z.string(),
  }),
  z.object({ type: z.literal("hub.reporter_status_read"), ...report }),
  z.object({ type: z.literal("hub.related_viewed"), ...report, count: z.int() }),
  z.object({ type: z.literal("hub.alert_raised"), ...report, unitId: z.int(), relatedCount: z.int() }),
  /** Organisation side: "report to the police" sent, and replies. */
  z.object({
    type: z.literal("hub.report_sent"),
    reference: z.string(),
    hubUrl: z.string(),
    incidentId: z.string().nullable(),
  }),
  z.object({ type: z.literal("hub.reply_sent"), reference: z.string() }),
  z.object({ type: z.literal("hub.status_fetched"), reference: z.string() }),
  /** Statistics (counts of routing metadata) and advisories. */
  z.object({
    type: z.literal("hub.stats_viewed"),
    unitId: z.int(),
    from: z.string(),
    to: z.string(),
    format: z.enum(["json", "csv"]),
  }),
  z.object({
    type: z.literal("hub.advisory_published"),
    advisoryId: z.string(),
    severity: z.string(),
    prefectureCode: z.string().nullable(),
  }),
  z.object({ type: z.literal("hub.advisory_withdrawn"), advisoryId: z.string() }),
  /** Phishing and fake-site URLs (issue 17). */
  z.object({
    type: z.literal("hub.urls_received"),
    source: z.enum(["partner", "public", "case"]),
    partnerId: z.string().nullable(),
    reportId: z.string().nullable(),
    accepted: z.int(),
    created: z.int(),
    rejected: z.int(),
  }),
  z.object({ type: z.literal("hub.passive_dns_received"), partnerId: z.string(), records: z.int() }),
  z.object({
    type: z.literal("hub.url_judged"),
    urlId: z.int(),
    fromState: z.string(),
    state: z.string(),
    category: z.string().nullable(),
    reason: z.string(),
  }),
  z.object({ type: z.literal("hub.urls_viewed"), unitId: z.int(), urlIds: z.array(z.int()) }),
  z.object({ type: z.literal("hub.url_viewed"), unitId: z.int(), urlId: z.int() }),
  z.object({
    type: z.literal("hub.url_feed_pulled"),
    partnerId: z.string(),
    feed: z.string(),
    format: z.string(),
    since: z.int().nullable(),
    entries: z.int(),
    cursor: z.int(),
  }),
  z.object({ type: z.literal("hub.url_partner_saved"), partnerId: z.string(), name: z.string() }),
  z.object({ type: z.literal("hub.url_partner_token_issued"), partnerId: z.string(), tokenId: z.string() }),
  z.object({ type: z.literal("hub.url_partner_token_revoked"), partnerId: z.string(), tokenId: z.string() }),
  z.object({ type: z.literal("hub.url_delisting_requested"), requestId: z.string(), targetKind: z.string() }),
  z.object({
    type: z.literal("hub.url_delisting_decided"),
    requestId: z.string(),
    decision: z.string(),
    withdrawn: z.int(),
  }),
] as const;
