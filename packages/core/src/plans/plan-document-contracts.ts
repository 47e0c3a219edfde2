import { z } from "zod";

/** Generated documents: the incident-response manual, the cyber-attack BCP, the emergency card. */
export const ZPlanDocumentKind = z.enum(["manual", "bcp", "card"]);
export type TPlanDocumentKind = z.infer<typeof ZPlanDocumentKind>;

export const ZPlanFormat = z.enum(["pdf", "html"]);
export type TPlanFormat = z.infer<typeof ZPlanFormat>;

/** A plan is reviewed at least once a year: next review = approval + 12 months. */
export const PLAN_REVIEW_INTERVAL_MONTHS = 12;

export const ZPlanDocument = z.object({
  id: z.string(),
  kind: ZPlanDocumentKind,
  version: z.number().int(),
  generatedAt: z.string(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  /** Approval date + 12 months; null while not approved. */
  nextReviewDue: z.string().nullable(),
  isReviewOverdue: z.boolean(),
});
export type TPlanDocument = z.infer<typeof ZPlanDocument>;

export const ZPlanDocumentList = z.object({ items: z.array(ZPlanDocument) });

export const ZGeneratePlanRequest = z.object({ kind: ZPlanDocumentKind });

export const ZPlanDiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** A line diff of the rendered text of two versions. */
export const ZPlanDiff = z.object({
  kind: ZPlanDocumentKind,
  from: z.number().int(),
  to: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  parts: z.array(z.object({ op: z.enum(["added", "removed", "same"]), lines: z.array(z.string()) })),
});
export type TPlanDiff = z.infer<typeof ZPlanDiff>;

/** Review state of one kind, used by the UI and by the readiness assessment. */
export const ZPlanKindReview = z.object({
  kind: ZPlanDocumentKind,
  latestApprovedVersion: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  isOverdue: z.boolean(),
});

export const ZPlanReviewStatus = z.object({
  kinds: z.array(ZPlanKindReview),
  /** Readiness item "plan reviewed within 12 months": manual and BCP both approved in the last 12 months. */
  isReviewedWithin12Months: z.boolean(),
});
export type TPlanReviewStatus = z.infer<typeof ZPlanReviewStatus>;
