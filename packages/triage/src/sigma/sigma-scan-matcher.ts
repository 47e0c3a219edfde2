import type { TTimelineEvent } from "../timeline/timeline-event";
import { applicableRules, groupByKind, inInputOrder } from "./sigma-event-kinds";
import type { SigmaEventView, SigmaRule } from "./sigma-rule";
import { toSigmaView } from "./sigma-windows-mapping";

/** Events are matched in slices of this size, so the per-event field views stay small in memory. */
const SLICE = 2048;

/**
 * The reference matcher: every applicable rule on every event, rule-major within each kind and
 * slice. Kept to prove the indexed matcher (matchSigmaRules) finds exactly the same hits, in
 * tests and in `npm run bench:sigma`; not used by triage itself.
 */
export function matchSigmaRulesByScan(
  rules: SigmaRule[],
  events: TTimelineEvent[],
): Map<SigmaRule, TTimelineEvent[]> {
  const byKind = groupByKind(events);
  const hits = new Map<SigmaRule, TTimelineEvent[]>();
  for (const kind of byKind.values()) {
    const applicable = applicableRules(rules, kind[0] as TTimelineEvent);
    if (applicable.length === 0) continue;
    for (let start = 0; start < kind.length; start += SLICE) {
      const slice = kind.slice(start, start + SLICE);
      const views = slice.map(toSigmaView);
      for (const rule of applicable) {
        for (let i = 0; i < views.length; i++) {
          if (!rule.matches(views[i] as SigmaEventView)) continue;
          const list = hits.get(rule);
          const e = slice[i] as TTimelineEvent;
          if (list) list.push(e);
          else hits.set(rule, [e]);
        }
      }
    }
  }
  return inInputOrder(hits, events, byKind.size);
}
