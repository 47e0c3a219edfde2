import { type Db, drillRuns, planDocuments } from "@sonae/db";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { getPlanReviewStatus } from "./plan-review.service";

/** The readiness facts hooks (`ReadinessFacts.plans` / `.drills` in core) filled from this area. */
export type TPlansReadinessFacts = {
  plans: { cyberBcpWithPolice: boolean | null; lastReviewedAt: string | null };
  drills: { lastHeldAt: string | null };
};

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * Facts for the readiness assessment:
 * - cyberBcpWithPolice: the latest approved BCP names a verified police desk (null when no BCP was
 *   ever approved in Sonae, so the checklist falls back to the organisation's own answer);
 * - lastReviewedAt: the older of the latest manual and BCP approvals (both must be current for
 *   "plan reviewed within 12 months"), null unless both were approved;
 * - lastHeldAt: the day the latest finished drill ended.
 */
export async function getPlansReadinessFacts(db: Db, organisationId: string): Promise<TPlansReadinessFacts> {
  const review = await getPlanReviewStatus(db, organisationId, new Date());
  const approvals = ["manual", "bcp"].map(
    (kind) => review.kinds.find((k) => k.kind === kind)?.approvedAt ?? null,
  );
  const lastReviewedAt = approvals.every((a) => a !== null) ? ([...approvals].sort()[0] ?? null) : null;
  const [bcp] = await db
    .select({ model: planDocuments.model })
    .from(planDocuments)
    .where(
      and(
        eq(planDocuments.organisationId, organisationId),
        eq(planDocuments.kind, "bcp"),
        isNotNull(planDocuments.approvedAt),
      ),
    )
    .orderBy(desc(planDocuments.approvedAt))
    .limit(1);
  const [drill] = await db
    .select({ finishedAt: drillRuns.finishedAt })
    .from(drillRuns)
    .where(and(eq(drillRuns.organisationId, organisationId), isNotNull(drillRuns.finishedAt)))
    .orderBy(desc(drillRuns.finishedAt))
    .limit(1);
  const police = (bcp?.model as { police?: { desk?: unknown } } | undefined)?.police;
  return {
    plans: {
      cyberBcpWithPolice: bcp ? Boolean(police?.desk) : null,
      lastReviewedAt: lastReviewedAt ? lastReviewedAt.slice(0, 10) : null,
    },
    drills: { lastHeldAt: day(drill?.finishedAt) },
  };
}
