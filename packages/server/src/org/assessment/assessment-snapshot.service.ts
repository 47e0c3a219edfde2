import {
  assessChecklist,
  type ManualAnswer,
  mergeDrillFindingsIntoGaps,
  rankGaps,
  scoreAssessment,
  type TAssessedItem,
  type TReadinessGap,
  todayInJapan,
} from "@sonae/core";
import { type Db, readinessAnswers, readinessSnapshots } from "@sonae/db";
import { and, eq, gte } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { findOpenDrillFindings } from "../drills/drill-history.service";
import { getPlansReadinessFacts } from "../plans/plans-readiness.service";
import { gatherReadinessFacts, type ReadinessEnv } from "./assessment-facts.repo";
import { getChecklist } from "./checklist.loader";

type Tx = Pick<Db, "select" | "insert" | "update">;

export type ComputedAssessment = {
  score: number | null;
  answered: number;
  applicable: number;
  items: TAssessedItem[];
  gaps: TReadinessGap[];
};

/** Assesses the organisation now: registers + manual answers against the shipped checklist. */
export async function computeAssessment(
  db: Pick<Db, "select">,
  organisationId: string,
  env: ReadinessEnv = {},
  today = todayInJapan(),
): Promise<ComputedAssessment> {
  // The plans area answers "cyber BCP with the police", "plan reviewed within 12 months" and "drill held"
  // from approved documents and finished drills; without them those items fall back to manual answers.
  const registerFacts = await gatherReadinessFacts(db, organisationId, today, env);
  const facts = { ...registerFacts, ...(await getPlansReadinessFacts(db as Db, organisationId)) };
  const answerRows = await db
    .select()
    .from(readinessAnswers)
    .where(eq(readinessAnswers.organisationId, organisationId));
  const answers = new Map<string, ManualAnswer>(
    answerRows.map((r) => [r.itemId, { answer: r.answer as ManualAnswer["answer"], note: r.note }]),
  );
  const items = assessChecklist(getChecklist(), facts, answers);
  const drillFindings = await findOpenDrillFindings(db as Db, organisationId);
  return {
    ...scoreAssessment(items),
    items,
    gaps: mergeDrillFindingsIntoGaps(rankGaps(items), drillFindings),
  };
}

/** The start of the current day in Japan, as an instant. */
function startOfJapanDay(now = new Date()): Date {
  return new Date(`${todayInJapan(now)}T00:00:00+09:00`);
}

/**
 * Keeps the score history at one point per day: after any change to the answers or the part-B
 * registers (and on an explicit "record"), today's snapshot is written or replaced. One per day keeps
 * the trend readable when someone enters twenty backup sets in a row, and a day without changes
 * needs no point. Nothing is written while the score is still unknown (no invented history).
 * Returns the score written, or null when nothing was written.
 */
export async function refreshDailySnapshot(
  tx: Tx,
  ctx: RequestContext,
  trigger: string,
  env: ReadinessEnv = {},
): Promise<number | null> {
  const organisationId = ctx.actor?.organisationId;
  if (!organisationId) return null;
  const assessment = await computeAssessment(tx, organisationId, env);
  if (assessment.score === null) return null;
  const details = {
    answered: assessment.answered,
    applicable: assessment.applicable,
    items: Object.fromEntries(assessment.items.map((i) => [i.id, i.status])),
  };
  const dayStart = startOfJapanDay();
  const [today] = await tx
    .select()
    .from(readinessSnapshots)
    .where(and(eq(readinessSnapshots.organisationId, organisationId), gte(readinessSnapshots.at, dayStart)))
    .limit(1);
  if (today) {
    await tx
      .update(readinessSnapshots)
      .set({ score: assessment.score, details, at: new Date() })
      .where(eq(readinessSnapshots.id, today.id));
  } else {
    await tx.insert(readinessSnapshots).values({ organisationId, score: assessment.score, details });
  }
  if (!today || today.score !== assessment.score || trigger === "manual") {
    await recordAudit(tx, ctx, { type: "readiness.snapshot_recorded", score: assessment.score, trigger });
  }
  return assessment.score;
}
