import type { TDrillScenario } from "@sonae/core";

/**
 * How many injects are due. Realtime: every inject whose minute offset has passed since the start
 * (the server decides from the start time, so every participant's screen agrees). Facilitated: the
 * injects the facilitator has revealed, so a table-top session can move at its own pace. A finished
 * drill is frozen at its finish time.
 */
export function countDueInjects(
  scenario: TDrillScenario,
  run: { mode: string; startedAt: Date; finishedAt: Date | null; revealedCount: number },
  now: Date,
): number {
  if (run.mode === "facilitated") return Math.min(run.revealedCount, scenario.injects.length);
  const end = run.finishedAt ?? now;
  const elapsedMinutes = (end.getTime() - run.startedAt.getTime()) / 60_000;
  return scenario.injects.filter((inject) => inject.minute <= elapsedMinutes).length;
}

/** Minutes from the drill start, one decimal. */
export function minutesSince(start: Date, at: Date): number {
  return Math.round((at.getTime() - start.getTime()) / 6_000) / 10;
}
