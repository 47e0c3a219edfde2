import { AppError, ZFinishDrillRequest, ZRecordDecisionRequest, ZStartDrillRequest } from "@sonae/core";
import { type Db, drillDecisions, drillFindings, drillRuns } from "@sonae/db";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { requireContextActor } from "../plans/plans.policy";
import type { DbOrTx } from "../plans/plans-record.repo";
import { getDrillScenario } from "./drill-scenarios";
import { countDueInjects } from "./drill-timing";
import { presentDrill } from "./drills.present";
import { findDrillDecisions, findDrillRun, findFindingsOfDrill } from "./drills.repo";

type TStart = z.input<typeof ZStartDrillRequest>;
type TDecision = z.input<typeof ZRecordDecisionRequest>;
type TFinish = z.input<typeof ZFinishDrillRequest>;

const notFound = () => new AppError("NOT_FOUND");
const finishedError = () =>
  new AppError("CONFLICT", { detail: { ja: "この訓練は終了しています。", en: "This drill has finished." } });

/** Starts a drill of a shipped scenario; the first inject (minute 0) is due at once. */
export async function startDrill(db: Db, ctx: RequestContext, input: TStart, now: Date = new Date()) {
  const actor = requireContextActor(ctx);
  const request = ZStartDrillRequest.parse(input);
  const scenario = getDrillScenario(request.scenarioId);
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(drillRuns)
      .values({
        organisationId: actor.organisationId,
        scenarioId: scenario.id,
        mode: request.mode,
        participants: request.participants,
        startedAt: now,
        startedBy: actor.userId,
        revealedCount: 1,
      })
      .returning();
    await recordAudit(tx, ctx, { type: "plans.drill_started", drillId: run!.id, scenarioId: scenario.id });
    return run!;
  });
}

/** The runner's view of one drill of the organisation (due injects computed at `now`). */
export async function getDrill(db: DbOrTx, organisationId: string, id: string, now: Date = new Date()) {
  const run = await findDrillRun(db, organisationId, id);
  if (!run) throw notFound();
  const scenario = getDrillScenario(run.scenarioId);
  const decisions = await findDrillDecisions(db, organisationId, id);
  const findings = await findFindingsOfDrill(db, organisationId, id);
  return presentDrill(scenario, run, decisions, findings, now);
}

/** Facilitated mode: reveals the next inject ("next inject" control). */
export async function revealNextInject(db: Db, ctx: RequestContext, id: string, now: Date = new Date()) {
  const actor = requireContextActor(ctx);
  return db.transaction(async (tx) => {
    const run = await findDrillRun(tx, actor.organisationId, id);
    if (!run) throw notFound();
    if (run.finishedAt) throw finishedError();
    const scenario = getDrillScenario(run.scenarioId);
    if (run.mode !== "facilitated" || run.revealedCount >= scenario.injects.length) {
      throw new AppError("CONFLICT", {
        detail: { ja: "次の状況付与はありません。", en: "There is no further inject to reveal." },
      });
    }
    await tx
      .update(drillRuns)
      .set({ revealedCount: sql`${drillRuns.revealedCount} + 1` })
      .where(eq(drillRuns.id, run.id));
    const inject = scenario.injects[run.revealedCount];
    await recordAudit(tx, ctx, { type: "plans.drill_inject_revealed", drillId: id, injectId: inject!.id });
    return getDrill(tx, actor.organisationId, id, now);
  });
}

/** A participant records a decision or question against a due inject, with the time it was made. */
export async function recordDrillDecision(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TDecision,
  now: Date = new Date(),
) {
  const actor = requireContextActor(ctx);
  const decision = ZRecordDecisionRequest.parse(input);
  return db.transaction(async (tx) => {
    const run = await findDrillRun(tx, actor.organisationId, id);
    if (!run) throw notFound();
    if (run.finishedAt) throw finishedError();
    const scenario = getDrillScenario(run.scenarioId);
    const due = scenario.injects.slice(0, countDueInjects(scenario, run, now));
    if (!due.some((inject) => inject.id === decision.injectId)) {
      throw new AppError("VALIDATION", {
        field: "injectId",
        detail: {
          ja: "この状況付与はまだ提示されていません。",
          en: "This inject has not been revealed yet.",
        },
      });
    }
    await tx.insert(drillDecisions).values({
      organisationId: actor.organisationId,
      drillId: id,
      injectId: decision.injectId,
      participant: decision.participant,
      text: decision.text,
      recordedAt: now,
    });
    await recordAudit(tx, ctx, {
      type: "plans.drill_decision_recorded",
      drillId: id,
      injectId: decision.injectId,
    });
    return getDrill(tx, actor.organisationId, id, now);
  });
}

/**
 * Finishes a drill and writes its findings: one for every revealed inject nobody answered (from the
 * scenario's `ifMissed`), plus the participants' own. Findings stay open in the readiness gap list
 * until someone closes them.
 */
export async function finishDrill(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TFinish,
  now: Date = new Date(),
) {
  const actor = requireContextActor(ctx);
  const request = ZFinishDrillRequest.parse(input);
  return db.transaction(async (tx) => {
    const run = await findDrillRun(tx, actor.organisationId, id);
    if (!run) throw notFound();
    if (run.finishedAt) throw finishedError();
    const scenario = getDrillScenario(run.scenarioId);
    const due = scenario.injects.slice(0, countDueInjects(scenario, run, now));
    const answered = new Set((await findDrillDecisions(tx, actor.organisationId, id)).map((d) => d.injectId));
    const rows = [
      ...due
        .filter((inject) => !answered.has(inject.id))
        .map((inject) => ({ ...inject.ifMissed, origin: "scenario" })),
      ...request.findings.map((f) => ({
        severity: f.severity,
        title: { ja: f.title, en: f.title },
        fix: { ja: f.fix, en: f.fix },
        origin: "participant",
      })),
    ].map((f) => ({ ...f, organisationId: actor.organisationId, drillId: id, createdAt: now }));
    if (rows.length > 0) await tx.insert(drillFindings).values(rows);
    await tx
      .update(drillRuns)
      .set({ finishedAt: now, summary: request.summary || null })
      .where(eq(drillRuns.id, id));
    await recordAudit(tx, ctx, { type: "plans.drill_finished", drillId: id, findings: rows.length });
    return getDrill(tx, actor.organisationId, id, now);
  });
}

/** Closes a finding once its fix is done; it then leaves the readiness gap list. */
export async function closeDrillFinding(
  db: Db,
  ctx: RequestContext,
  findingId: string,
  now: Date = new Date(),
) {
  const actor = requireContextActor(ctx);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(drillFindings)
      .set({ status: "closed", closedAt: now })
      .where(
        and(
          eq(drillFindings.id, findingId),
          eq(drillFindings.organisationId, actor.organisationId),
          eq(drillFindings.status, "open"),
        ),
      )
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, ctx, { type: "plans.drill_finding_closed", findingId });
    return row;
  });
}
