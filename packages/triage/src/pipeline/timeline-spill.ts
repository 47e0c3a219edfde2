import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { TTimelineEvent } from "../timeline/timeline-event";
import { compactHeap } from "./heap-compaction";

/** Serialised events held in memory before a sorted run goes to disk. */
const RUN_CHARS = 4 * 1024 * 1024;

/** One event waiting for its run: its sort key and its JSON line (smaller than the live object). */
interface Pending {
  time: string;
  id: string;
  line: string;
}

function comparePending(a: Pending, b: Pending): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Timeline order: time, then id (the order every consumer expects). */
export function compareEvents(a: TTimelineEvent, b: TTimelineEvent): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The timeline on disk while triage runs: events arrive in file order, are serialised at once,
 * sorted in runs of about 4 M characters and written as JSON Lines to a private temporary folder, then
 * merged back in time order (external merge sort). Memory stays at one run whatever the input.
 */
export class TimelineSpill {
  private buffer: Pending[] = [];
  private bufferChars = 0;
  private readonly runs: string[] = [];
  private dir: string | undefined;
  count = 0;

  async add(events: TTimelineEvent[]): Promise<void> {
    for (const e of events) {
      const line = `${JSON.stringify(e)}\n`;
      this.buffer.push({ time: e.time, id: e.id, line });
      this.bufferChars += line.length;
    }
    this.count += events.length;
    if (this.bufferChars >= RUN_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.dir ??= await mkdtemp(path.join(tmpdir(), "sonae-timeline-"));
    const file = path.join(this.dir, `${this.runs.length}.jsonl`);
    const out = createWriteStream(file, { mode: 0o600 });
    const sorted = this.buffer.sort(comparePending);
    this.buffer = [];
    this.bufferChars = 0;
    let text = "";
    for (const e of sorted) {
      text += e.line;
      if (text.length > 1 << 20) {
        if (!out.write(text)) await once(out, "drain");
        text = "";
      }
    }
    out.end(text);
    await finished(out);
    this.runs.push(file);
    compactHeap();
  }

  /** All events in time order. Small timelines never touch the disk. */
  async *sorted(): AsyncGenerator<TTimelineEvent> {
    if (this.runs.length === 0) {
      for (const p of this.buffer.sort(comparePending)) yield JSON.parse(p.line) as TTimelineEvent;
      return;
    }
    await this.flush();
    const readers = this.runs.map((file) => readLines(file));
    const heads: Array<TTimelineEvent | undefined> = [];
    for (const [i, r] of readers.entries()) heads[i] = await nextEvent(r);
    let sinceCompaction = 0;
    for (;;) {
      // Writing the output turns every event into garbage again: collect as often as a run is written.
      if (++sinceCompaction >= this.count / Math.max(1, this.runs.length)) {
        compactHeap();
        sinceCompaction = 0;
      }
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        if (h && (best < 0 || compareEvents(h, heads[best] as TTimelineEvent) < 0)) best = i;
      }
      if (best < 0) return;
      yield heads[best] as TTimelineEvent;
      heads[best] = await nextEvent(readers[best] as AsyncIterator<string>);
    }
  }

  /** Removes the runs on disk. */
  async dispose(): Promise<void> {
    this.buffer = [];
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}

async function nextEvent(reader: AsyncIterator<string>): Promise<TTimelineEvent | undefined> {
  for (;;) {
    const next = await reader.next();
    if (next.done) return undefined;
    if (next.value) return JSON.parse(next.value) as TTimelineEvent;
  }
}

/** Bytes read from a run at a time: the merge holds one such block (plus one line) per run. */
const READ_BLOCK = 64 * 1024;

/**
 * The lines of a run file, read block by block. Not readline: its async iterator queues up to
 * 1024 lines per reader, which for 25 runs of 10 KB events (PowerShell script blocks) held about
 * 250 MB while the timeline was merged back.
 */
async function* readLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(READ_BLOCK);
    let parts: Buffer[] = [];
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BLOCK, null);
      if (bytesRead === 0) break;
      let start = 0;
      for (let nl = buffer.indexOf(10, start); nl !== -1 && nl < bytesRead; nl = buffer.indexOf(10, start)) {
        parts.push(buffer.subarray(start, nl));
        yield Buffer.concat(parts).toString("utf8");
        parts = [];
        start = nl + 1;
      }
      // The rest of the block starts the next line: copied, as the buffer is reused.
      if (start < bytesRead) parts.push(Buffer.from(buffer.subarray(start, bytesRead)));
    }
    if (parts.length > 0) yield Buffer.concat(parts).toString("utf8");
  } finally {
    await handle.close();
  }
}
