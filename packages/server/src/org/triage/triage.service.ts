import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { AppError, type TDetectionView, type TTriageRun } from "@sonae/core";
import { type Db, evidenceBundles, evidenceTriageRuns } from "@sonae/db";
import type { TTimelineEvent } from "@sonae/triage";
import { and, desc, eq } from "drizzle-orm";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { Actor, RequestContext } from "../../platform/http/request-context";
import type { BundleRow } from "../evidence/evidence.service";
import { appendServerCustody } from "../evidence/evidence-custody";
import { executeTriageRun, runEventsPath, triageMaxBytes } from "./triage-runner";

type Ctx = RequestContext & { actor: Actor };
type RunRow = typeof evidenceTriageRuns.$inferSelect;

/** Runs still working, so that closing the app waits for them instead of cutting them off. */
export const runningTriage = new Set<Promise<void>>();

const SEVERITY = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** Starts a triage run (custody + audit in one transaction), then works in the background. */
export async function startTriage(deps: AppDeps, ctx: Ctx, bundle: BundleRow): Promise<RunRow> {
  if (bundle.sizeBytes > triageMaxBytes()) {
    throw new AppError("PAYLOAD_TOO_LARGE", {
      detail: {
        ja: `このバンドル（${bundle.sizeBytes} バイト）はサーバ内トリアージの上限 ${triageMaxBytes()} バイトを超えています。sonae triage を端末で実行してください。`,
        en: `This bundle (${bundle.sizeBytes} bytes) exceeds the in-server triage limit of ${triageMaxBytes()} bytes. Run sonae triage on a workstation.`,
      },
    });
  }
  const run = await deps.db.transaction(async (tx) => {
    const busy = await tx
      .select({ id: evidenceTriageRuns.id })
      .from(evidenceTriageRuns)
      .where(and(eq(evidenceTriageRuns.bundleId, bundle.id), eq(evidenceTriageRuns.status, "running")));
    if (busy.length > 0) {
      throw new AppError("CONFLICT", {
        detail: {
          ja: "このバンドルのトリアージは実行中です",
          en: "Triage of this bundle is already running",
        },
      });
    }
    const [row] = await tx
      .insert(evidenceTriageRuns)
      .values({
        organisationId: ctx.actor.organisationId,
        incidentId: bundle.incidentId,
        bundleId: bundle.id,
        status: "running",
        startedBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await appendServerCustody(tx, bundle, ctx.actor, "triage.started", { runId: row.id });
    await recordAudit(tx, ctx, {
      type: "evidence.triage_started",
      incidentId: bundle.incidentId,
      sha256: bundle.sha256,
      runId: row.id,
    });
    return row;
  });
  const job = executeTriageRun(deps, run.id, bundle);
  runningTriage.add(job);
  void job.finally(() => runningTriage.delete(job));
  return run;
}

/** Runs of an incident, newest first, with the bundle hash. */
export async function listRuns(db: Pick<Db, "select">, actor: Actor, incidentId: string) {
  return db
    .select({ run: evidenceTriageRuns, sha256: evidenceBundles.sha256 })
    .from(evidenceTriageRuns)
    .innerJoin(evidenceBundles, eq(evidenceBundles.id, evidenceTriageRuns.bundleId))
    .where(
      and(
        eq(evidenceTriageRuns.organisationId, actor.organisationId),
        eq(evidenceTriageRuns.incidentId, incidentId),
      ),
    )
    .orderBy(desc(evidenceTriageRuns.startedAt));
}

function pickProgress(progress: Record<string, unknown>): TTriageRun["progress"] {
  const { fileIndex, fileCount, file } = progress as TTriageRun["progress"];
  return {
    ...(fileIndex !== undefined ? { fileIndex } : {}),
    ...(fileCount !== undefined ? { fileCount } : {}),
    ...(file !== undefined ? { file } : {}),
  };
}

/** API shape of a run. */
export function presentRun(run: RunRow, sha256: string): TTriageRun {
  return {
    id: run.id,
    bundleSha256: sha256,
    status: run.status,
    progress: pickProgress(run.progress),
    eventCount: run.eventCount,
    detectionCount: run.detections.length,
    problems: (run.problems as TTriageRun["problems"]).map((p) => ({ source: p.source, reason: p.reason })),
    error: run.error,
    sigma: (run.progress.sigma as TTriageRun["sigma"] | undefined) ?? null,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The latest finished run of each bundle: what the timeline shows. */
async function latestDoneRuns(db: Pick<Db, "select">, actor: Actor, incidentId: string) {
  const seen = new Set<string>();
  return (await listRuns(db, actor, incidentId)).filter(({ run }) => {
    if (run.status !== "done" || seen.has(run.bundleId)) return false;
    seen.add(run.bundleId);
    return true;
  });
}

/** Events files are immutable once written, so a small per-run cache is always consistent. */
const eventCache = new Map<string, TTimelineEvent[]>();

async function loadRunEvents(deps: AppDeps, runId: string): Promise<TTimelineEvent[]> {
  const cached = eventCache.get(runId);
  if (cached) return cached;
  const events: TTimelineEvent[] = [];
  const lines = createInterface({ input: createReadStream(runEventsPath(deps, runId)), crlfDelay: Infinity });
  for await (const line of lines) if (line) events.push(JSON.parse(line) as TTimelineEvent);
  if (eventCache.size >= 8) eventCache.delete(eventCache.keys().next().value ?? "");
  eventCache.set(runId, events);
  return events;
}

/** Timeline of an incident: the events of every bundle's latest run, merged by time, with detections. */
export async function loadIncidentTriage(deps: AppDeps, actor: Actor, incidentId: string) {
  const runs = await latestDoneRuns(deps.db, actor, incidentId);
  const events: TTimelineEvent[] = [];
  for (const { run } of runs) events.push(...(await loadRunEvents(deps, run.id)));
  events.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  const detections = runs
    .flatMap(({ run }) => run.detections as TDetectionView[])
    .sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || a.firstTime.localeCompare(b.firstTime));
  return { runs, events, detections };
}

/** Records a timeline export on every bundle involved (custody) and once in the audit log. */
export async function recordTimelineExport(
  db: Db,
  ctx: Ctx,
  incidentId: string,
  bundleIds: string[],
  format: "csv" | "jsonl",
  count: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const bundleId of bundleIds) {
      const [bundle] = await tx
        .select()
        .from(evidenceBundles)
        .where(
          and(eq(evidenceBundles.id, bundleId), eq(evidenceBundles.organisationId, ctx.actor.organisationId)),
        );
      if (bundle)
        await appendServerCustody(tx, bundle, ctx.actor, "triage.exported", { format, events: count });
    }
    await recordAudit(tx, ctx, { type: "evidence.timeline_exported", incidentId, format, events: count });
  });
}

/** Marks runs left "running" by a previous process as failed, so they can be started again. */
export async function failInterruptedRuns(db: Db): Promise<void> {
  await db
    .update(evidenceTriageRuns)
    .set({
      status: "failed",
      error: "サーバの再起動で中断されました / interrupted by a server restart",
      finishedAt: new Date(),
    })
    .where(eq(evidenceTriageRuns.status, "running"));
}
