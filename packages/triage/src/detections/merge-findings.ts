import type { TDetection, TFindingSource } from "../timeline/timeline-event";

function sourceOf(d: TDetection): TFindingSource {
  return {
    origin: d.origin,
    ruleId: d.ruleId,
    title: d.title,
    ...(d.attribution ? { attribution: d.attribution } : {}),
    ...(d.sigma ? { sigma: d.sigma } : {}),
  };
}

const RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 } as const;

function withSource(target: TDetection, extra: TDetection): void {
  target.sources ??= [sourceOf(target)];
  if (!target.sources.some((s) => s.ruleId === extra.ruleId)) target.sources.push(sourceOf(extra));
  target.attack = [...new Set([...target.attack, ...extra.attack])].sort();
  target.question ??= extra.question;
  if (RANK[extra.severity] > RANK[target.severity]) target.severity = extra.severity;
}

/**
 * One finding per event: a Sigma finding whose events a built-in finding already shows is folded
 * into that finding as a second source (the rule author travels with it, DRL 1.1); events only the
 * Sigma rule saw stay in a Sigma finding of their own. Sigma findings on exactly the same events
 * are folded into one, too. Built-in findings are never merged with each other: each answers its
 * own question (a spray and a log clearing may share a file, never an event).
 */
export function mergeFindings(detections: TDetection[]): TDetection[] {
  const builtin = detections.filter((d) => d.origin === "builtin");
  const owner = new Map<string, TDetection[]>();
  for (const d of builtin)
    for (const id of d.eventIds) {
      const list = owner.get(id);
      if (list) list.push(d);
      else owner.set(id, [d]);
    }
  const rest: TDetection[] = [];
  const byEvents = new Map<string, TDetection>();
  for (const d of detections) {
    if (d.origin === "builtin") continue;
    const covered = new Set<TDetection>();
    const remaining: string[] = [];
    for (const id of d.eventIds) {
      const owners = owner.get(id);
      if (owners) for (const o of owners) covered.add(o);
      else remaining.push(id);
    }
    for (const o of covered) withSource(o, d);
    if (remaining.length === 0) continue;
    const kept = remaining.length === d.eventIds.length ? d : { ...d, eventIds: remaining };
    const key = kept.eventIds.join("\n");
    const same = byEvents.get(key);
    if (same) withSource(same, kept);
    else {
      byEvents.set(key, kept);
      rest.push(kept);
    }
  }
  return [...builtin, ...rest];
}
