import type { TDrill, TDrillFinding, TDrillScenario } from "@sonae/core";
import type { drillDecisions, drillFindings, drillRuns } from "@sonae/db";
import { summariseScenario } from "./drill-scenarios";
import { countDueInjects, minutesSince } from "./drill-timing";

/** Report order: the most serious findings first (stable within a severity). */
const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export function presentDrillFinding(row: typeof drillFindings.$inferSelect): TDrillFinding {
  return {
    id: row.id,
    drillId: row.drillId,
    severity: row.severity as TDrillFinding["severity"],
    title: row.title,
    fix: row.fix,
    origin: row.origin as TDrillFinding["origin"],
    status: row.status as TDrillFinding["status"],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The runner's view of a drill: only due injects, decisions with their minute from the start. */
export function presentDrill(
  scenario: TDrillScenario,
  run: typeof drillRuns.$inferSelect,
  decisions: (typeof drillDecisions.$inferSelect)[],
  findings: (typeof drillFindings.$inferSelect)[],
  now: Date,
): TDrill {
  const due = countDueInjects(scenario, run, now);
  return {
    id: run.id,
    scenario: summariseScenario(scenario),
    mode: run.mode as TDrill["mode"],
    participants: run.participants,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    summary: run.summary,
    dueInjects: scenario.injects.slice(0, due),
    hasMoreInjects: due < scenario.injects.length,
    decisions: decisions.map((d) => ({
      id: d.id,
      injectId: d.injectId,
      participant: d.participant,
      text: d.text,
      recordedAt: d.recordedAt.toISOString(),
      minute: minutesSince(run.startedAt, d.recordedAt),
    })),
    findings: findings
      .map(presentDrillFinding)
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
  };
}
