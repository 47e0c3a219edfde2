import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection between spilled runs. V8 grows its heap lazily while triage turns
 * tens of megabytes of decoded events into garbage per run, so peak RSS followed the input size
 * although the live data did not (measured: 395 MB at 64× a 3.2 MB file,
 * 237 MB with the heap capped at 128 MB). Collecting once per run keeps RSS near the live data;
 * it costs a few tens of milliseconds per run.
 */
/**
 * Heap size from which a compaction is worth its cost. Collecting at every run cost about 2 s of
 * CPU over the corpus (60 full collections of a heap that was small anyway); below this size the
 * heap's own growth is not what makes peak RSS.
 */
const COMPACT_ABOVE_BYTES = Number(process.env.SONAE_COMPACT_ABOVE_MB ?? 96) * 1024 * 1024;

export function compactHeap(): void {
  if (getHeapStatistics().total_heap_size < COMPACT_ABOVE_BYTES) return;
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
