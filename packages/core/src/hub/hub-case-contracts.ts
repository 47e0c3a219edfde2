import { z } from "zod";
import { ZIndicatorKind } from "../indicators/indicator-kinds";
import { ZHubCategory, ZHubPriority, ZHubReportKind, ZHubStatus, ZHubUnitId } from "./hub-contracts";

export const ZHubMessageKind = z.enum(["question", "advice", "decryptor", "status", "message"]);
export const ZHubMessage = z.object({
  id: z.string(),
  direction: z.enum(["police", "reporter"]),
  kind: ZHubMessageKind,
  body: z.string(),
  createdAt: z.string(),
});
export type THubMessage = z.infer<typeof ZHubMessage>;

/**
 * Who the sender claims to be and how far that is established (issue 16 §4): the key's status and
 * fingerprint, the organisation name signed in the submission and the one inside the package, and
 * warnings: unconfirmed or revoked key, the two names differ, or a key first seen after another
 * key already used the same organisation name (a possible impostor). Null fields for public reports.
 */
export const HUB_IDENTITY_WARNINGS = [
  "unconfirmed_key",
  "revoked_key",
  "name_mismatch",
  "name_claimed_by_other_key",
] as const;
export const ZHubIdentity = z.object({
  keyStatus: z.enum(["pending", "active", "revoked"]).nullable(),
  keyFingerprint: z.string().nullable(),
  signedOrgName: z.string().nullable(),
  packageOrgName: z.string().nullable(),
  warnings: z.array(z.enum(HUB_IDENTITY_WARNINGS)),
});
export type THubIdentity = z.infer<typeof ZHubIdentity>;

export const ZHubCaseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.enum(["organisation", "public"]),
  kind: ZHubReportKind,
  unitId: z.int(),
  status: ZHubStatus,
  category: ZHubCategory.nullable(),
  priority: ZHubPriority.nullable(),
  title: z.string(),
  reporterName: z.string(),
  receivedAt: z.string(),
  ackDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  responseDueAt: z.string().nullable(),
  slaBreached: z.boolean(),
  assigneeUserId: z.string().nullable(),
  escalated: z.boolean(),
  identity: ZHubIdentity,
});
export type THubCaseSummary = z.infer<typeof ZHubCaseSummary>;

/** Indicator kinds of the hub index: core's kinds plus ransom-note victim ids. */
export const ZHubIndicatorKind = z.union([ZIndicatorKind, z.literal("note_id")]);
export type THubIndicatorKind = z.infer<typeof ZHubIndicatorKind>;

export const ZHubRelatedCase = z.object({
  id: z.string(),
  reference: z.string(),
  unitId: z.int(),
  receivedAt: z.string(),
  shared: z.array(z.object({ kind: ZHubIndicatorKind, value: z.string() })),
});
export type THubRelatedCase = z.infer<typeof ZHubRelatedCase>;

export const ZHubCaseDetail = ZHubCaseSummary.extend({
  /** How the viewer's unit stands to the case, and what the rights table lets them do on it. */
  relation: z.enum(["own", "shared", "former_owner", "national"]),
  allowedActions: z.array(z.string()),
  keyStatus: z.enum(["pending", "active", "revoked"]).nullable(),
  payload: z.unknown(),
  indicators: z.array(z.object({ kind: ZHubIndicatorKind, value: z.string(), noisy: z.boolean() })),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.int() })),
  messages: z.array(ZHubMessage),
  sharedWith: z.array(z.object({ unitId: z.int(), reason: z.string() })),
  /**
   * How many other cases (in any unit, capped at 50 per indicator) share an indicator with this one.
   * Shown to everyone who reads the case, including intake officers who may not open related cases.
   */
  relatedCount: z.int(),
});
export type THubCaseDetail = z.infer<typeof ZHubCaseDetail>;

export const ZHubCaseUpdateRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal("acknowledge") }),
  z.object({ action: z.literal("classify"), category: ZHubCategory }),
  z.object({ action: z.literal("prioritise"), priority: ZHubPriority }),
  z.object({ action: z.literal("assign"), assigneeUserId: z.uuid().nullable() }),
  z.object({ action: z.literal("transfer"), unitId: ZHubUnitId }),
  z.object({ action: z.literal("share"), unitId: ZHubUnitId }),
  z.object({ action: z.literal("escalate") }),
  z.object({ action: z.literal("close") }),
]);
export type THubCaseUpdateRequest = z.infer<typeof ZHubCaseUpdateRequest>;

export const ZHubPostMessageRequest = z.object({
  kind: ZHubMessageKind,
  body: z.string().trim().min(1).max(10_000),
});
export type THubPostMessageRequest = z.infer<typeof ZHubPostMessageRequest>;

/** What a reporter sees (org instance or receipt link): status and messages, never police internals. */
export const ZHubReporterView = z.object({
  reference: z.string(),
  status: ZHubStatus,
  receivedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  messages: z.array(ZHubMessage),
});
export type THubReporterView = z.infer<typeof ZHubReporterView>;

/**
 * One earlier case an alert points at. `case` is null when the viewer's unit may not see that case:
 * the page then says "a case in another unit" and neither its reference nor its unit is revealed.
 * `shared` are the indicators the two cases have in common (never warning-listed values), shown as text.
 */
export const ZHubAlertRelated = z.object({
  case: z.object({ id: z.string(), reference: z.string(), unitId: z.int() }).nullable(),
  shared: z.array(z.object({ kind: ZHubIndicatorKind, value: z.string() })),
});
export type THubAlertRelated = z.infer<typeof ZHubAlertRelated>;

export const ZHubAlert = z.object({
  id: z.string(),
  reportId: z.string(),
  reference: z.string(),
  relatedCount: z.int(),
  createdAt: z.string(),
  seen: z.boolean(),
  related: z.array(ZHubAlertRelated),
});
export type THubAlert = z.infer<typeof ZHubAlert>;
