import type { CountryLookup } from "../geo/ip-country";
import { collectInputs, type TriageFile } from "../input/collect-inputs";
import type { ZipLimits } from "../input/zip-limits";
import { type StreamedTriage, streamTriage } from "../pipeline/stream-triage";
import type { TextLogLimits } from "../textlog/read-text-lines";
import type { TextLogOptions } from "../textlog/text-log-types";
import type { TDetection, TTimelineEvent, TTriageResult } from "./timeline-event";

/** Progress of a triage run, per file and byte. */
export interface TriageProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
}

/** Options for {@link buildTimeline}. */
export interface BuildTimelineOptions {
  onProgress?: (p: TriageProgress) => void;
  /** Time reading and limits (line length, time per file) for text logs. */
  textLog?: TextLogOptions & TextLogLimits;
  /** Country lookup for "logon from abroad"; default the shipped DB-IP Lite; `null` disables. */
  countries?: CountryLookup | null;
  /** Size and ratio limits for extracting .zip bundles. */
  zipLimits?: ZipLimits;
  /**
   * Extra detectors that judge each event on its own (e.g. Sigma): called on batches of events
   * as they are decoded, then once more on the events they matched (see perEventDetector).
   */
  extraDetectors?: Array<(events: TTimelineEvent[]) => TDetection[]>;
}

/**
 * Triage of already collected files (e.g. entries of an uploaded evidence bundle) with the whole
 * timeline in memory: for tests and small inputs. Large inputs go through streamTriage, whose
 * memory does not grow with the timeline.
 */
export async function triageFiles(
  files: TriageFile[],
  opts: BuildTimelineOptions = {},
): Promise<TTriageResult> {
  const streamed = await streamTriage(files, opts);
  try {
    const events: TTimelineEvent[] = [];
    for await (const e of streamed.events()) events.push(e);
    return { events, detections: streamed.detections, problems: streamed.problems };
  } finally {
    await streamed.dispose();
  }
}

/** Triage of paths given by the user (files, folders and `.zip` bundles), timeline in memory. */
export async function buildTimeline(
  inputs: string[],
  opts: BuildTimelineOptions = {},
): Promise<TTriageResult> {
  const { files, problems, cleanup } = await collectInputs(inputs, opts.zipLimits);
  try {
    const result = await triageFiles(files, opts);
    result.problems.unshift(...problems);
    return result;
  } finally {
    await cleanup();
  }
}

/**
 * Triage of paths given by the user with the timeline on disk (see streamTriage). The caller
 * reads `events()` and must call `dispose()`, which also removes the extracted bundle entries.
 */
export async function streamBuildTimeline(
  inputs: string[],
  opts: BuildTimelineOptions = {},
): Promise<StreamedTriage> {
  const { files, problems, cleanup } = await collectInputs(inputs, opts.zipLimits);
  try {
    const streamed = await streamTriage(files, opts);
    streamed.problems.unshift(...problems);
    return {
      ...streamed,
      dispose: async () => {
        await streamed.dispose();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
