import { Worker } from "node:worker_threads";
import type { TriageFile } from "../input/collect-inputs";
import type { EvtxParseMessage } from "./evtx-parse-protocol";
import { tsxEsmApi } from "./tsx-loader";

const ENTRY = new URL(
  `./evtx-parse-thread${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
  import.meta.url,
);

/**
 * The thread's heap: decoded records die young, so a small young generation costs little time
 * and keeps the process's peak RSS down (measured on the corpus: 312 MB peak with 16 MB, 293 MB with 4 MB).
 */
const LIMITS = { maxYoungGenerationSizeMb: Number(process.env.SONAE_PARSE_YOUNG_MB ?? 4) };

/**
 * EVTX files decoded in a worker thread, ahead of the main thread, which takes their messages
 * file by file in the run's order (so events arrive in the same order as when parsed in-process).
 * If the thread dies, every file it had not finished ends with that error as a problem.
 */
export class EvtxParseThread {
  private readonly worker: Worker;
  private readonly queues = new Map<number, EvtxParseMessage[]>();
  private waiting: (() => void) | null = null;
  private failure: string | null = null;

  constructor(files: Array<{ file: TriageFile; index: number }>, fileCount: number) {
    // Run from the repository the sources are TypeScript: the thread registers tsx first.
    this.worker = ENTRY.pathname.endsWith(".ts")
      ? new Worker(
          `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`,
          { eval: true, workerData: { files, fileCount }, resourceLimits: LIMITS },
        )
      : new Worker(ENTRY, { workerData: { files, fileCount }, resourceLimits: LIMITS });
    this.worker.on("message", (m: EvtxParseMessage) => {
      const queue = this.queues.get(m.index);
      if (queue) queue.push(m);
      else this.queues.set(m.index, [m]);
      this.notify();
    });
    this.worker.on("error", (error) => {
      this.failure = error.message;
      this.notify();
    });
    this.worker.on("exit", (code) => {
      // Messages posted before the exit have all arrived: a file still waiting now never ends.
      this.failure ??= `exit ${code}`;
      this.notify();
    });
  }

  private notify(): void {
    this.waiting?.();
    this.waiting = null;
  }

  /** The messages of one file, ending with its `done`. */
  async *messages(index: number): AsyncGenerator<EvtxParseMessage> {
    for (;;) {
      const m = this.queues.get(index)?.shift();
      if (m) {
        yield m;
        if (m.type === "events") this.worker.postMessage("taken");
        if (m.type === "done") {
          this.queues.delete(index);
          return;
        }
        continue;
      }
      if (this.failure !== null) {
        yield {
          type: "done",
          index,
          problems: [],
          recordGaps: [],
          error: `EVTX 解析スレッドの異常終了 / EVTX parse thread failed: ${this.failure}`,
        };
        return;
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
