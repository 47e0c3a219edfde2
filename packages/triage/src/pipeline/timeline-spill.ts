import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import type { TTimelineEvent } from "../timeline/timeline-event";

/** Events held in memory before a sorted run goes to disk (~40 MB of events at most). */
const RUN_SIZE = 20_000;

/** Timeline order: time, then id (the order every consumer expects). */
export function compareEvents(a: TTimelineEvent, b: TTimelineEvent): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The timeline on disk while triage runs: events arrive in file order, are sorted in runs of
 * RUN_SIZE and written as JSON Lines to a private temporary folder, then merged back in time
 * order (external merge sort). Memory stays at one run whatever the input size.
 */
export class TimelineSpill {
  private buffer: TTimelineEvent[] = [];
  private readonly runs: string[] = [];
  private dir: string | undefined;
  count = 0;

  async add(events: TTimelineEvent[]): Promise<void> {
    for (const e of events) this.buffer.push(e);
    this.count += events.length;
    if (this.buffer.length >= RUN_SIZE) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.dir ??= await mkdtemp(path.join(tmpdir(), "sonae-timeline-"));
    const file = path.join(this.dir, `${this.runs.length}.jsonl`);
    const out = createWriteStream(file, { mode: 0o600 });
    const sorted = this.buffer.sort(compareEvents);
    this.buffer = [];
    let text = "";
    for (const e of sorted) {
      text += `${JSON.stringify(e)}\n`;
      if (text.length > 1 << 20) {
        if (!out.write(text)) await once(out, "drain");
        text = "";
      }
    }
    out.end(text);
    await finished(out);
    this.runs.push(file);
  }

  /** All events in time order. Small timelines never touch the disk. */
  async *sorted(): AsyncGenerator<TTimelineEvent> {
    if (this.runs.length === 0) {
      yield* this.buffer.sort(compareEvents);
      return;
    }
    await this.flush();
    const readers = this.runs.map((file) =>
      createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })[
        Symbol.asyncIterator
      ](),
    );
    const heads: Array<TTimelineEvent | undefined> = [];
    for (const [i, r] of readers.entries()) heads[i] = await nextEvent(r);
    for (;;) {
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
