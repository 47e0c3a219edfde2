import type { DetectionContext } from "../detections/detection-helpers";
import { runBuiltinDetections } from "../detections/run-detections";
import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { isDetectionInput } from "./detection-inputs";
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

/**
 * Adapter for detectors that judge each event on its own (Sigma rules): each batch is matched
 * as it arrives and only the events some finding points at are kept (memory grows with the
 * evidence, not with the input); at the end the detector
 * runs once more over those few events in time order, which gives exactly the findings of one
 * run over the whole timeline (grouping, counts, texts) without holding the timeline.
 */
export function perEventDetector(detect: TimelineDetector): StreamingDetector {
  // Kept as JSON text: a compact string instead of an object graph of many small strings.
  const kept = new Map<string, string>();
  return {
    add(events) {
      const hits = new Set(detect(events).flatMap((d) => d.eventIds));
      if (hits.size === 0) return;
      for (const e of events) if (hits.has(e.id)) kept.set(e.id, JSON.stringify(e));
    },
    finish: () => {
      if (kept.size === 0) return [];
      const events = [...kept.values()].map((json) => JSON.parse(json) as TTimelineEvent);
      kept.clear();
      return detect(events.sort(compareEvents));
    },
  };
}

/**
 * Adapter for the built-in rules, which read the whole sorted timeline: only the events some
 * rule can use (isDetectionInput) plus the events next to record-number gaps are kept, then the
 * rules run once over them in time order. Memory grows with those events only.
 */
export function builtinDetector(
  recordGaps: DetectionContext["recordGaps"],
  countries: DetectionContext["countries"],
  keepIds: Set<string>,
): StreamingDetector {
  const kept: TTimelineEvent[] = [];
  return {
    add(events) {
      for (const e of events) if (isDetectionInput(e) || keepIds.has(e.id)) kept.push(e);
    },
    finish: () => runBuiltinDetections({ events: kept.sort(compareEvents), recordGaps, countries }),
  };
}
