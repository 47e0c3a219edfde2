import type { TDrillFinding, TDrillHistoryEntry } from "@sonae/core";
import { type Db, drillFindings, drillRuns } from "@sonae/db";
import { and, asc, desc, eq } from "drizzle-orm";
import { presentDrillFinding } from "./drills.present";

/**
 * Open after-action findings of the organisation's drills, for the readiness gap list
 * (each has severity, title and fix in ja/en). Highest severity first, then oldest.
 */
export async function findOpenDrillFindings(db: Db, organisationId: string): Promise<TDrillFinding[]> {
  const rows = await db
    .select()
    .from(drillFindings)
    .where(and(eq(drillFindings.organisationId, organisationId), eq(drillFindings.status, "open")))
    .orderBy(asc(drillFindings.createdAt), asc(drillFindings.id));
  const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
  return rows.map(presentDrillFinding).sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3));
}

/** Drill history (date, participants, findings), newest first, for the readiness score. */
export async function getDrillHistory(db: Db, organisationId: string): Promise<TDrillHistoryEntry[]> {
  const runs = await db
    .select()
    .from(drillRuns)
    .where(eq(drillRuns.organisationId, organisationId))
    .orderBy(desc(drillRuns.startedAt));
  const findings = await db
    .select({ drillId: drillFindings.drillId, status: drillFindings.status })
    .from(drillFindings)
    .where(eq(drillFindings.organisationId, organisationId));
  return runs.map((run) => {
    const own = findings.filter((f) => f.drillId === run.id);
    return {
      id: run.id,
      scenarioId: run.scenarioId,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      participants: run.participants.map((p) => p.name),
      findingCount: own.length,
      openFindingCount: own.filter((f) => f.status === "open").length,
    };
  });
}
