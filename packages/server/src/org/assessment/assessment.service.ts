import {
  AppError,
  type TReadinessAssessment,
  type TSaveReadinessAnswerRequest,
  todayInJapan,
} from "@sonae/core";
import { type Db, readinessAnswers, readinessSnapshots } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { ReadinessEnv } from "./assessment-facts.repo";
import { computeAssessment, refreshDailySnapshot } from "./assessment-snapshot.service";
import { getChecklist } from "./checklist.loader";

/** How many points of history the assessment and the dashboard show (one per day at most). */
const HISTORY_POINTS = 90;

export async function findSnapshots(db: Pick<Db, "select">, organisationId: string) {
  const rows = await db
    .select({ at: readinessSnapshots.at, score: readinessSnapshots.score })
    .from(readinessSnapshots)
    .where(eq(readinessSnapshots.organisationId, organisationId))
    .orderBy(asc(readinessSnapshots.at));
  // One point per Japanese calendar day, the latest winning: two changes racing past the "is there a
  // snapshot today?" check can both insert, and the trend must still show one point for that day.
  const byDay = new Map<string, { at: string; score: number }>();
  for (const r of rows) byDay.set(todayInJapan(r.at), { at: r.at.toISOString(), score: r.score });
  return [...byDay.values()].slice(-HISTORY_POINTS);
}

/** The full assessment: each item with its status and basis, the score, ranked gaps, history and sources. */
export async function getAssessment(
  db: Db,
  organisationId: string,
  env: ReadinessEnv = {},
): Promise<TReadinessAssessment> {
  const [assessment, history] = await Promise.all([
    computeAssessment(db, organisationId, env),
    findSnapshots(db, organisationId),
  ]);
  return { ...assessment, history, sources: getChecklist().sources };
}

/**
 * Saves a manual answer. "Not applicable" only where the checklist allows it (DDoS measures when the
 * organisation runs no public service): everywhere else it would hide a real gap.
 */
export async function saveReadinessAnswer(
  db: Db,
  ctx: RequestContext,
  itemId: string,
  input: TSaveReadinessAnswerRequest,
  env: ReadinessEnv = {},
): Promise<TReadinessAssessment> {
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const item = getChecklist().items.find((i) => i.id === itemId);
  if (!item) throw new AppError("NOT_FOUND");
  if (input.answer === "not_applicable" && !item.allowNotApplicable) {
    throw new AppError("VALIDATION", {
      field: "answer",
      detail: { ja: "この項目は「対象外」にできません。", en: "This item cannot be marked not applicable." },
    });
  }
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(readinessAnswers)
      .where(
        and(eq(readinessAnswers.organisationId, actor.organisationId), eq(readinessAnswers.itemId, itemId)),
      )
      .limit(1);
    const values = {
      answer: input.answer,
      note: input.note,
      answeredBy: actor.userId,
      answeredAt: new Date(),
    };
    await tx
      .insert(readinessAnswers)
      .values({ organisationId: actor.organisationId, itemId, ...values })
      .onConflictDoUpdate({
        target: [readinessAnswers.organisationId, readinessAnswers.itemId],
        set: values,
      });
    await recordAudit(tx, ctx, {
      type: "readiness.answer_saved",
      itemId,
      from: before?.answer ?? null,
      to: input.answer,
    });
    await refreshDailySnapshot(tx, ctx, "readiness.answer_saved", env);
  });
  return getAssessment(db, actor.organisationId, env);
}

/** Records today's snapshot on request ("record"), replacing an earlier one of the same day. */
export async function recordReadinessSnapshot(
  db: Db,
  ctx: RequestContext,
  env: ReadinessEnv = {},
): Promise<TReadinessAssessment> {
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const score = await db.transaction((tx) => refreshDailySnapshot(tx, ctx, "manual", env));
  if (score === null) {
    throw new AppError("VALIDATION", {
      detail: {
        ja: "まだ回答も台帳の登録もないため、点数を記録できません。",
        en: "Nothing is answered or recorded yet, so there is no score to record.",
      },
    });
  }
  return getAssessment(db, actor.organisationId, env);
}
