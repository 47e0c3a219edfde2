import { Worker } from "node:worker_threads";

export type StrengthResult = { score: number; patterns: string[] } | "timeout";

/** Longest a check may take; past it the password is treated as too regular to accept. */
const TIME_BUDGET_MS = 3_000;

type Pending = { resolve: (r: StrengthResult) => void; timer: NodeJS.Timeout };

/**
 * One worker thread running zxcvbn-ts for the whole process, started on first use. Checks queue
 * in the worker; a check that overruns its budget ends the worker (and the checks queued behind
 * it, as "timeout"), and the next check starts a fresh one. The event loop never waits on it.
 */
class StrengthChecker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  check(password: string, userInputs: string[]): Promise<StrengthResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.abandon(), TIME_BUDGET_MS);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, password, userInputs });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./password-strength.worker.mjs", import.meta.url));
    worker.unref();
    worker.on("message", (m: { id: number; score: number; patterns: string[] }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(m.id);
      p.resolve({ score: m.score, patterns: m.patterns });
    });
    worker.on("error", () => this.abandon());
    this.worker = worker;
    return worker;
  }

  private abandon() {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve("timeout");
      this.pending.delete(id);
    }
  }
}

export const strengthChecker = new StrengthChecker();
