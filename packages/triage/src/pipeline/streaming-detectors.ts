import { type BuiltinRule, inputKey, type RuleState } from "../detections/builtin-rule";
import type { DetectionContext } from "../detections/detection-helpers";
import { BUILTIN_RULES, runBuiltinDetections, sortDetections } from "../detections/run-detections";
import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { compareEvents } from "./timeline-spill";

/**
 * The streaming interface of detections: events arrive in batches, in file order (not time
 * order), and are not kept by the pipeline; a detector keeps only what it needs (windows,
 * counters, or slimmed evidence) and gives its findings once all events are in.
 */
export interface StreamingDetector {
  add(events: TTimelineEvent[]): void;
  finish(): TDetection[];
}

/** A function over a whole (sorted) timeline, as the built-in rules and Sigma are written today. */
export type TimelineDetector = (events: TTimelineEvent[]) => TDetection[];

/** One finding of a per-event detector while batches come in: a sample event and every hit. */
interface Group {
  sample: TTimelineEvent;
  hits: Array<{ time: string; id: string }>;
}

/** Puts the whole group's evidence into the finding made from its sample event alone. */
function widen(d: TDetection, group: Group): TDetection {
  const hits = group.hits.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1));
  const n = hits.length;
  // The texts count the matched events; the sample finding says 1.
  const count = (text: string) =>
    text
      .replace(/(^|[^\d])1 件のイベント/, `$1${n} 件のイベント`)
      .replace(/(^|[^\d])1 event\(s\)/, `$1${n} event(s)`);
  return {
    ...d,
    id: `${d.ruleId}:${hits[0]?.id ?? "none"}`,
    explanation: { ja: count(d.explanation.ja), en: count(d.explanation.en) },
    eventIds: hits.map((h) => h.id),
    firstTime: hits[0]?.time ?? d.firstTime,
    lastTime: hits.at(-1)?.time ?? d.lastTime,
  };
}

/**
 * Adapter for detectors that judge each event on its own and make one finding per rule and host
 * (Sigma rules): each batch is matched as it arrives; per finding only one sample event and the
 * ids and times of all hits are kept, so memory does not grow with the input even when most
 * events match. At the end the detector runs on each sample alone and each finding gets all its hits
 * (ids, times, count) — the findings of one run over the whole timeline.
 */
export function perEventDetector(detect: TimelineDetector): StreamingDetector {
  const groups = new Map<string, Group>();
  const keyOf = (d: TDetection) => `${d.ruleId}\0${d.hosts.join("\0")}`;
  return {
    add(events) {
      const found = detect(events);
      if (found.length === 0) return;
      const byId = new Map(events.map((e) => [e.id, e]));
      for (const d of found) {
        const key = keyOf(d);
        let group = groups.get(key);
        for (const id of d.eventIds) {
          const e = byId.get(id);
          if (!e) continue;
          if (!group) {
            group = { sample: e, hits: [] };
            groups.set(key, group);
          }
          group.hits.push({ time: e.time, id: e.id });
        }
      }
    },
    finish: () =>
      // Each sample alone, so that its finding counts exactly one event before widening.
      [...groups.entries()].flatMap(([key, group]) => {
        const d = detect([group.sample]).find((found) => keyOf(found) === key);
        return d ? [widen(d, group)] : [];
      }),
  };
}

/**
 * The built-in rules as one streaming detector: each event goes only to the rules that declare
 * it among their inputs (BuiltinRule.inputs: "channel:eventId" pairs, text-log lines), and each
 * rule keeps only its own state (findings made, counters, slimmed evidence). Nothing here keeps
 * events, so memory follows what the rules find, not the size of the input.
 */
export function builtinDetector(
  recordGaps: DetectionContext["recordGaps"],
  countries: DetectionContext["countries"],
  rules: BuiltinRule[] = BUILTIN_RULES,
): StreamingDetector {
  const states = rules.map((rule) => ({ rule, state: rule.start({ recordGaps, countries }) }));
  const byInput = new Map<string, RuleState[]>();
  const textLog: RuleState[] = [];
  for (const { rule, state } of states) {
    for (const key of new Set(rule.inputs.windows)) byInput.set(key, [...(byInput.get(key) ?? []), state]);
    if (rule.inputs.textLog) textLog.push(state);
  }
  return {
    add(events) {
      for (const e of events) {
        const key = inputKey(e);
        const wanting = key === null ? (e.sourceType === "text-log" ? textLog : undefined) : byInput.get(key);
        if (wanting) for (const state of wanting) state.add(e);
      }
    },
    finish: () => runStates(states.map((s) => s.state)),
  };
}

/**
 * The keep-everything reference: every event kept, sorted, and given to every rule. Only for
 * tests that prove the declared inputs lose nothing (its memory grows with the input).
 */
export function keepEverythingBuiltinDetector(
  recordGaps: DetectionContext["recordGaps"],
  countries: DetectionContext["countries"],
): StreamingDetector {
  const kept: TTimelineEvent[] = [];
  return {
    add(events) {
      kept.push(...events);
    },
    finish: () => runBuiltinDetections({ events: kept.sort(compareEvents), recordGaps, countries }),
  };
}

function runStates(states: RuleState[]): TDetection[] {
  return sortDetections(states.flatMap((s) => s.finish()));
}
