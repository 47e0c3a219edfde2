import { describe, expect, it } from "vitest";
import { IntakeBatcher, IntakeBusyError, type ItemOutcome } from "./intake-batcher";

/** A writer that records its batches and waits for the test to let each one finish. */
function gatedWriter(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const write = async (items: number[]): Promise<ItemOutcome<number>[]> => {
    batches.push(items);
    await new Promise<void>((r) => gates.push(r));
    if (fail(items)) throw new Error("batch failed");
    return items.map((n) =>
      n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 10 },
    );
  };
  const release = async () => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 1));
  };
  return { write, batches, release };
}

describe("intake batcher (group commit)", () => {
  it("writes the first item at once, batches what arrives meanwhile, and settles only after the write", async () => {
    const w = gatedWriter();
    const b = new IntakeBatcher(w.write, { maxBatch: 3, maxQueue: 100 });
    const settled: number[] = [];
    const all = [1, 2, 3, 4, 5, -6].map((n) =>
      b.submit(n).then(
        (v) => settled.push(v),
        () => settled.push(n),
      ),
    );
    await new Promise((r) => setTimeout(r, 1));
    expect(w.batches).toEqual([[1]]);
    expect(settled).toEqual([]); // nothing acknowledged before its batch has been written
    await w.release();
    expect(settled).toEqual([10]);
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    await w.release();
    expect(w.batches[2]).toEqual([5, -6]);
    await w.release();
    await Promise.all(all);
    expect(settled).toEqual([10, 20, 30, 40, 50, -6]); // per-item failure stays with its item
  });

  it("retries the members of a failed batch one by one, so one bad item cannot fail the others", async () => {
    const w = gatedWriter((items) => items.includes(7));
    const b = new IntakeBatcher(w.write, { maxBatch: 10, maxQueue: 100 });
    const first = b.submit(1);
    const rest = [2, 7, 3].map((n) =>
      b.submit(n).then(
        (v) => ({ ok: v }),
        (e: Error) => ({ err: e.message }),
      ),
    );
    await w.release(); // [1]
    await w.release(); // [2, 7, 3] fails as a whole
    await w.release(); // [2]
    await w.release(); // [7] fails alone
    await w.release(); // [3]
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([{ ok: 20 }, { err: "batch failed" }, { ok: 30 }]);
    expect(w.batches).toEqual([[1], [2, 7, 3], [2], [7], [3]]);
  });

  it("refuses with 503 when the queue is full instead of queueing without bound", async () => {
    const w = gatedWriter();
    const b = new IntakeBatcher(w.write, { maxBatch: 2, maxQueue: 2 });
    const inFlight = b.submit(1); // taken by the flusher at once
    const queued = [b.submit(2), b.submit(3)];
    const refused = b.submit(4);
    await expect(refused).rejects.toBeInstanceOf(IntakeBusyError);
    await expect(refused).rejects.toMatchObject({ status: 503, retryAfterSeconds: 1 });
    await w.release();
    await w.release();
    expect(await inFlight).toBe(10);
    expect(await Promise.all(queued)).toEqual([20, 30]);
    await b.drain();
    expect(b.waiting).toBe(0);
  });
});
