import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { DetectionContext } from "../detections/detection-helpers";
import { mergeFindings } from "../detections/merge-findings";
import { sortDetections } from "../detections/run-detections";
import { openCountryLookup } from "../geo/ip-country";
import type { TriageFile } from "../input/collect-inputs";
import type { BuildTimelineOptions } from "../timeline/build-timeline";
import type { TDetection, TTimelineEvent, TTriageProblem } from "../timeline/timeline-event";
import { EvtxParseThread } from "../worker/evtx-parse-thread-client";
import { type EventSink, readEvtx, readText } from "./read-files";
import { builtinDetector, perEventDetector, type StreamingDetector } from "./streaming-detectors";
import { TimelineSpill } from "./timeline-spill";

/** Detectors get events in batches of about this many (Sigma matches faster on larger slices). */
const DETECTOR_BATCH = 1024;

/** A finished triage whose timeline is on disk: read it once with `events()`, then `dispose()`. */
export interface StreamedTriage {
  eventCount: number;
  /** Events recovered from EVTX slack space (deleted or overwritten records) among them. */
  recoveredCount: number;
  detections: TDetection[];
  problems: TTriageProblem[];
  /** The events in time order (time, then id), read back from disk. */
  events(): AsyncGenerator<TTimelineEvent>;
  /** Removes the timeline's temporary files. */
  dispose(): Promise<void>;
}

/**
 * Triage with memory that does not grow with the timeline: events go to a sorted spill on disk
 * as they are decoded, and detections see them once, in batches, through the streaming
 * interface (StreamingDetector): Sigma-style per-event detectors keep only their hits, each
 * built-in rule sees only the events it declares and keeps only its findings, counters and slimmed evidence. Files that cannot be read become `problems`;
 * one bad file never stops the others.
 */
export async function streamTriage(
  files: TriageFile[],
  opts: BuildTimelineOptions & {
    streamingDetectors?: StreamingDetector[];
    /** The built-in rules' detector; tests pass keepEverythingBuiltinDetector as the reference. */
    builtin?: typeof builtinDetector;
    /**
     * Decode EVTX files in a worker thread while this thread spills and detects: true, false, or
     * "auto" (default: when there are two cores and at least PARSE_THREAD_MIN_BYTES of EVTX).
     */
    parseThread?: boolean | "auto";
  } = {},
): Promise<StreamedTriage> {
  const problems: TTriageProblem[] = [];
  const recordGaps: DetectionContext["recordGaps"] = [];
  const countries = opts.countries === undefined ? openCountryLookup() : opts.countries;
  const detectors: StreamingDetector[] = [
    (opts.builtin ?? builtinDetector)(recordGaps, countries),
    ...(opts.extraDetectors ?? []).map(perEventDetector),
    ...(opts.streamingDetectors ?? []),
  ];
  const spill = new TimelineSpill();
  let pending: TTimelineEvent[] = [];
  let recoveredCount = 0;
  const feedDetectors = () => {
    for (const d of detectors) d.add(pending);
    pending = [];
  };
  const sink: EventSink = {
    problems,
    recordGaps,
    async emit(events) {
      if (events.length === 0) return;
      for (const e of events) {
        pending.push(e);
        if (e.recovered) recoveredCount++;
      }
      if (pending.length >= DETECTOR_BATCH) feedDetectors();
      await spill.add(events);
    },
  };
  const thread = (await useParseThread(
    files,
    opts.parseThread ?? (process.env.SONAE_PARSE_THREAD === "off" ? false : "auto"),
  ))
    ? new EvtxParseThread(
        [...files.entries()].filter(([, f]) => f.kind === "evtx").map(([index, file]) => ({ file, index })),
        files.length,
      )
    : null;
  try {
    for (const [index, file] of files.entries()) {
      try {
        if (file.kind === "evtx" && thread) await takeFromThread(thread, index, sink, opts);
        else if (file.kind === "evtx") await readEvtx(file, index, files.length, opts, sink);
        else {
          await readText(file, opts, sink);
          opts.onProgress?.({
            file: file.name,
            fileIndex: index,
            fileCount: files.length,
            bytesDone: 1,
            bytesTotal: 1,
          });
        }
      } catch (error) {
        problems.push({ source: file.name, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    feedDetectors();
    // One finding per event: a built-in and a Sigma finding on the same events become one.
    const detections = sortDetections(mergeFindings(detectors.flatMap((d) => d.finish())));
    return {
      eventCount: spill.count,
      recoveredCount,
      detections,
      problems,
      events: () => spill.sorted(),
      dispose: () => spill.dispose(),
    };
  } catch (error) {
    await spill.dispose();
    throw error;
  } finally {
    await thread?.close();
  }
}

/** EVTX bytes from which a parse thread pays for its start (about 0.1–0.2 s). */
export const PARSE_THREAD_MIN_BYTES = 8 * 1024 * 1024;

async function useParseThread(files: TriageFile[], setting: boolean | "auto"): Promise<boolean> {
  if (setting !== "auto") return setting && files.some((f) => f.kind === "evtx");
  if (availableParallelism() < 2) return false;
  let bytes = 0;
  for (const f of files) {
    if (f.kind !== "evtx") continue;
    bytes += await stat(f.path).then(
      (s) => s.size,
      () => 0,
    );
    if (bytes >= PARSE_THREAD_MIN_BYTES) return true;
  }
  return false;
}

/** One file's events, problems and record gaps as the parse thread sends them. */
async function takeFromThread(
  thread: EvtxParseThread,
  index: number,
  sink: EventSink,
  opts: BuildTimelineOptions,
): Promise<void> {
  for await (const m of thread.messages(index)) {
    if (m.type === "events") await sink.emit(m.events);
    else if (m.type === "progress") opts.onProgress?.(m.progress);
    else {
      sink.problems.push(...m.problems);
      sink.recordGaps.push(...m.recordGaps);
      if (m.error !== undefined) throw new Error(m.error);
    }
  }
}
