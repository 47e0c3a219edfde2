import type { DetectionContext } from "../detections/detection-helpers";
import type { TriageFile } from "../input/collect-inputs";
import type { TriageProgress } from "../timeline/build-timeline";
import type { TTimelineEvent, TTriageProblem } from "../timeline/timeline-event";

/** What the parse thread is given: the EVTX files to read, in order, with their index in the run. */
export interface EvtxParseJob {
  files: Array<{ file: TriageFile; index: number }>;
  fileCount: number;
}

/** Batches in flight before the thread waits for the main thread to take one (back-pressure). */
export const MAX_BATCHES_IN_FLIGHT = 4;

export type EvtxParseMessage =
  | { type: "events"; index: number; events: TTimelineEvent[] }
  | { type: "progress"; index: number; progress: TriageProgress }
  | {
      type: "done";
      index: number;
      problems: TTriageProblem[];
      recordGaps: DetectionContext["recordGaps"];
      /** Why the file stopped early, as the in-process reader would report it. */
      error?: string;
    };
