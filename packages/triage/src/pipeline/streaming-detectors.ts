import type { DetectionContext } from "../detections/detection-helpers";
import { runBuiltinDetections } from "../detections/run-detections";
import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { compareEvents } from "./timeline-spill";

/**
 * The streaming interface of detections: events arrive in batches, in file order (not time
 * order), and are not kept by the pipeline; a detector keeps only what it needs (windows,
 * counters, or the few events it reads) and gives its findings once all events are in.
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
 * Adapter for the built-in rules, which read the whole sorted timeline: every event is kept, then
 * the rules run once over them in time order. Memory grows with the timeline here: narrowing it
 * needs the events each rule reads, derived from the detection catalogue (not done yet).
 */
export function builtinDetector(
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
