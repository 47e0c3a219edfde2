import { AppError } from "@sonae/core";

/** What the writer says about each item of a batch, in the batch's order. */
export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export type IntakeBatcherOptions = {
  /** Most items written in one transaction (bounds statement size and a batch's latency). */
  maxBatch: number;
  /** Most items waiting; beyond it `submit` refuses at once (back-pressure) instead of queueing. */
  maxQueue: number;
};

type Waiting<I, O> = { item: I; resolve(value: O): void; reject(error: unknown): void };

/** The refusal when the queue is full: 503, and the route adds Retry-After. */
export class IntakeBusyError extends AppError {
  readonly retryAfterSeconds = 1;
  constructor() {
    super("DATABASE_UNAVAILABLE", {
      detail: {
        ja: "受付が混み合っています。しばらくしてから再送してください(報告はまだ受理されていません)。",
        en: "The hub is busy. Please retry shortly (the report has not been accepted yet).",
      },
    });
  }
}

/**
 * Group commit for hub intake. Requests do their CPU work first and then `submit` a prepared item;
 * one flusher at a time hands up to `maxBatch` waiting items to `write`, which stores them in ONE
 * transaction and reports an outcome per item. Each waiting request is settled only after `write`
 * returns, i.e. after COMMIT: a receipt never precedes durability.
 *
 * There is no timer: the first item of an idle queue is written at once (no added latency at low
 * load), and whatever arrived during a flush is written as soon as that flush ends, so batches grow
 * with load by themselves. If a whole batch fails unexpectedly (not a per-item outcome), its items
 * are retried one by one, so one bad submission cannot fail the others.
 */
export class IntakeBatcher<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly write: (items: I[]) => Promise<ItemOutcome<O>[]>,
    private readonly options: IntakeBatcherOptions,
  ) {}

  /** Resolves with the item's outcome once its batch has committed; throws IntakeBusyError when full. */
  submit(item: I): Promise<O> {
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new IntakeBusyError());
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.flushing ??= this.flushAll();
    });
  }

  /** Items waiting (not yet in a batch being written). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Waits until everything submitted so far has been written (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushAll(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.flush(this.queue.splice(0, this.options.maxBatch));
    } finally {
      this.flushing = null;
    }
  }

  private async flush(batch: Waiting<I, O>[]): Promise<void> {
    let outcomes: ItemOutcome<O>[];
    try {
      outcomes = await this.write(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) throw new Error("intake batch: one outcome per item expected");
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const one of batch) await this.flush([one]);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const waiting = batch[i]!;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
