import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type {
  TriageChildDone,
  TriageChildMessage,
  TriageChildProgress,
  TriageChildRequest,
} from "./triage-child-protocol";
import { tsxLoader } from "./tsx-loader";

/** Options for {@link runTriageInChild}. */
export interface TriageChildOptions {
  onProgress?: (progress: TriageChildProgress) => void;
  /** Wall-clock limit for the whole run; the child is killed there. Default 2 hours. */
  timeoutMs?: number;
  /** Heap limit of the child in MiB (V8 --max-old-space-size). Default 2048. */
  maxHeapMb?: number;
}

const CHILD_MAIN = path.join(import.meta.dirname, "triage-child-main.ts");

/**
 * Runs one triage in a child process: a hostile or huge file costs that process's CPU and memory,
 * never the server's event loop, and one run cannot stall other users. The child gets its own
 * TMPDIR, removed here on every path (done, failure, crash, time limit), so extracted bundle
 * entries never outlive the run.
 */
export async function runTriageInChild(
  request: TriageChildRequest,
  opts: TriageChildOptions = {},
): Promise<TriageChildDone> {
  const temp = await mkdtemp(path.join(tmpdir(), "sonae-triage-run-"));
  try {
    return await new Promise<TriageChildDone>((resolve, reject) => {
      const child = fork(CHILD_MAIN, [], {
        execArgv: ["--import", tsxLoader(), `--max-old-space-size=${opts.maxHeapMb ?? 2048}`],
        env: { ...process.env, TMPDIR: temp },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      let answer: TriageChildMessage | undefined;
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString("utf8")).slice(-2000);
      });
      const timer = setTimeout(() => {
        answer = {
          type: "failed",
          message: `トリアージが制限時間を超えたため中止しました / triage exceeded its time limit (${opts.timeoutMs ?? 7_200_000} ms)`,
        };
        child.kill("SIGKILL");
      }, opts.timeoutMs ?? 7_200_000);
      child.on("message", (message: TriageChildMessage) => {
        if (message.type === "progress") opts.onProgress?.(message);
        else answer ??= message;
      });
      child.on("error", (error) => {
        answer ??= { type: "failed", message: error.message };
      });
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        if (answer?.type === "done") resolve(answer);
        else
          reject(
            new Error(
              answer?.type === "failed"
                ? answer.message
                : `トリアージのプロセスが異常終了しました / triage process ended unexpectedly (${signal ?? `exit ${code}`}): ${stderr.trim().split("\n").at(-1) ?? ""}`,
            ),
          );
      });
      child.send(request);
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
