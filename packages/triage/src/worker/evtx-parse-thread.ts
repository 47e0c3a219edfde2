import { parentPort, workerData } from "node:worker_threads";
import type { DetectionContext } from "../detections/detection-helpers";
import { type EventSink, readEvtx } from "../pipeline/read-files";
import type { TTriageProblem } from "../timeline/timeline-event";
import { type EvtxParseJob, type EvtxParseMessage, MAX_BATCHES_IN_FLIGHT } from "./evtx-parse-protocol";

/**
 * Entry of the EVTX parse thread (see evtx-parse-thread-client.ts): decodes the files in order and
 * posts their events in batches, so parsing runs on the second core while the main thread spills
 * the timeline and runs the detections. It waits when MAX_BATCHES_IN_FLIGHT batches are untaken,
 * so a slow main thread never makes it queue the input in memory.
 */
const port = parentPort;
if (!port) throw new Error("evtx-parse-thread must run as a worker thread");
const job = workerData as EvtxParseJob;
let credits = MAX_BATCHES_IN_FLIGHT;
let wake: (() => void) | null = null;
port.on("message", (m: unknown) => {
  if (m !== "taken") return;
  credits++;
  wake?.();
  wake = null;
});
const post = (m: EvtxParseMessage) => port.postMessage(m);
/** Progress at most every 100 ms per file, and always the last. */
const PROGRESS_MS = 100;

for (const { file, index } of job.files) {
  const problems: TTriageProblem[] = [];
  const recordGaps: DetectionContext["recordGaps"] = [];
  const sink: EventSink = {
    problems,
    recordGaps,
    async emit(events) {
      if (events.length === 0) return;
      while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      post({ type: "events", index, events });
    },
  };
  let lastProgress = 0;
  let error: string | undefined;
  try {
    await readEvtx(
      file,
      index,
      job.fileCount,
      {
        onProgress: (progress) => {
          const now = Date.now();
          if (now - lastProgress < PROGRESS_MS && progress.bytesDone < progress.bytesTotal) return;
          lastProgress = now;
          post({ type: "progress", index, progress });
        },
      },
      sink,
    );
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  post({ type: "done", index, problems, recordGaps, ...(error !== undefined ? { error } : {}) });
}
port.close();
