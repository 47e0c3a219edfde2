import {
  PLAN_REVIEW_INTERVAL_MONTHS,
  type TPlanDocumentKind,
  type TPlanReviewStatus,
  ZPlanDocumentKind,
} from "@sonae/core";
import { type Db, planDocuments } from "@sonae/db";
import { and, desc, eq, isNotNull } from "drizzle-orm";

/** Approval + 12 months (UTC calendar months; 31 Jan + 12 months = 31 Jan next year). */
export function addReviewInterval(approvedAt: Date): Date {
  const due = new Date(approvedAt.getTime());
  due.setUTCMonth(due.getUTCMonth() + PLAN_REVIEW_INTERVAL_MONTHS);
  return due;
}

/**
 * Review state of each generated kind for the readiness assessment: a plan counts as reviewed
 * when its latest approval is less than 12 months before `today`. The readiness item
 * "plan reviewed within 12 months" needs both the manual and the BCP.
 */
export async function getPlanReviewStatus(
  db: Db,
  organisationId: string,
  today: Date,
): Promise<TPlanReviewStatus> {
  const kinds = await Promise.all(
    ZPlanDocumentKind.options.map(async (kind: TPlanDocumentKind) => {
      const [row] = await db
        .select({ version: planDocuments.version, approvedAt: planDocuments.approvedAt })
        .from(planDocuments)
        .where(
          and(
            eq(planDocuments.organisationId, organisationId),
            eq(planDocuments.kind, kind),
            isNotNull(planDocuments.approvedAt),
          ),
        )
        .orderBy(desc(planDocuments.approvedAt))
        .limit(1);
      const approvedAt = row?.approvedAt ?? null;
      const due = approvedAt ? addReviewInterval(approvedAt) : null;
      return {
        kind,
        latestApprovedVersion: row?.version ?? null,
        approvedAt: approvedAt?.toISOString() ?? null,
        nextReviewDue: due?.toISOString() ?? null,
        isOverdue: due === null || due.getTime() < today.getTime(),
      };
    }),
  );
  const current = (kind: TPlanDocumentKind) => kinds.some((k) => k.kind === kind && !k.isOverdue);
  return { kinds, isReviewedWithin12Months: current("manual") && current("bcp") };
}
