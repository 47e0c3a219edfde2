import type { ZipLimits } from "../input/zip-limits";
import type { SigmaRunSummary } from "../sigma/sigma-rule-set";
import type { TextLogLimits } from "../textlog/read-text-lines";
import type { TextLogOptions } from "../textlog/text-log-types";
import type { TDetection, TTriageProblem } from "../timeline/timeline-event";

/** What the parent asks a triage child process to do. */
export interface TriageChildRequest {
  /** Paths to triage (files, folders, .zip bundles). */
  inputs: string[];
  /** Where the child writes the timeline as JSON Lines (created, never overwritten). */
  eventsOut: string;
  /** Sigma rules: undefined for the shipped set, a folder, or "off". */
  sigma?: string;
  textLog?: TextLogOptions & TextLogLimits;
  zipLimits?: ZipLimits;
}

/** Progress of the run, sent at most twice a second. */
export interface TriageChildProgress {
  type: "progress";
  file: string;
  fileIndex: number;
  fileCount: number;
}

/** The finished run: the events are in `eventsOut`, everything else travels here. */
export interface TriageChildDone {
  type: "done";
  eventCount: number;
  fileCount: number;
  detections: TDetection[];
  problems: TTriageProblem[];
  sigma: SigmaRunSummary | null;
}

export interface TriageChildFailed {
  type: "failed";
  message: string;
}

export type TriageChildMessage = TriageChildProgress | TriageChildDone | TriageChildFailed;
