import { slim } from "../detections/builtin-rule";
import type { DetectionContext } from "../detections/detection-helpers";
import { extractEventFields } from "../evtx/evtx-fields";
import { parseEvtxChunks } from "../evtx/evtx-file-parser";
import { LiveRecordIndex } from "../evtx/live-record-index";
import type { TriageFile } from "../input/collect-inputs";
import { readTextLogEntries } from "../textlog/parse-text-log";
import type { BuildTimelineOptions } from "../timeline/build-timeline";
import { toTimelineEvent } from "../timeline/evtx-timeline-event";
import { toTextLogTimelineEvent } from "../timeline/text-log-timeline-event";
import type { TTimelineEvent, TTriageProblem } from "../timeline/timeline-event";

/** Where file readers put what they find: events in batches, problems, and per-file facts. */
export interface EventSink {
  emit(events: TTimelineEvent[]): Promise<void>;
  problems: TTriageProblem[];
  recordGaps: DetectionContext["recordGaps"];
}

export async function readEvtx(
  file: TriageFile,
  index: number,
  count: number,
  opts: BuildTimelineOptions,
  sink: EventSink,
): Promise<void> {
  const { problems } = sink;
  let previous: { id: number; event: TTimelineEvent } | undefined;
  const live = new LiveRecordIndex();
  const recovered: Array<{ event: TTimelineEvent; recordId: number; fingerprint: string }> = [];
  const chunks = parseEvtxChunks(file.path, {
    onProblem: (p) => problems.push({ source: file.name, offset: p.offset, reason: p.reason }),
    onProgress: (done, total) =>
      opts.onProgress?.({
        file: file.name,
        fileIndex: index,
        fileCount: count,
        bytesDone: done,
        bytesTotal: total,
      }),
  });
  for await (const records of chunks) {
    const batch: TTimelineEvent[] = [];
    for (const record of records) {
      const event = toTimelineEvent(extractEventFields(record.root), file.name, record.writtenAt);
      if (record.recovered) {
        // A recovered record may share its number with a live one: its offset keeps the id unique.
        event.id = `${file.name}#recovered-${record.recordId}@0x${record.offset.toString(16)}`;
        event.recovered = true;
        recovered.push({
          event,
          recordId: record.recordId,
          fingerprint: fingerprint(record.writtenAt, event),
        });
        continue;
      }
      live.add(record.recordId, fingerprint(record.writtenAt, event));
      event.id = `${file.name}#${record.recordId}`;
      batch.push(event);
      // Record numbers in the record header rise by one; a jump means removed records.
      if (previous && record.recordId > previous.id + 1) {
        sink.recordGaps.push({
          source: file.name,
          afterId: previous.id,
          beforeId: record.recordId,
          afterEventId: previous.event.id,
          afterEvent: slim(previous.event),
        });
      }
      previous = { id: record.recordId, event };
    }
    await sink.emit(batch);
  }
  await sink.emit(liveCopiesLeftOut(file.name, recovered, live, problems));
}

/** What must agree for a slack-space record to count as a copy of the live record with its number. */
function fingerprint(writtenAt: string, event: TTimelineEvent): string {
  return `${writtenAt}|${event.time}|${event.eventId}|${event.user}|${event.sourceAddress}`;
}

/**
 * Slack-space records join the timeline, marked `recovered`, unless they are stale copies of a
 * live record (same record id, write time, event time, id, user and address), which would only count the same event twice.
 * How many were found and left out is reported, so the number matches `evtxexport -m recovered`.
 */
function liveCopiesLeftOut(
  source: string,
  recovered: Array<{ event: TTimelineEvent; recordId: number; fingerprint: string }>,
  live: LiveRecordIndex,
  problems: TTriageProblem[],
): TTimelineEvent[] {
  if (recovered.length === 0) return [];
  const events: TTimelineEvent[] = [];
  let copies = 0;
  for (const r of recovered) {
    if (live.hasCopy(r.recordId, r.fingerprint)) copies++;
    else events.push(r.event);
  }
  problems.push({
    source,
    reason: `スラック領域から削除・上書きされたレコード ${recovered.length} 件を復元（うち現存レコードと同一の ${copies} 件は省略） / recovered ${recovered.length} deleted or overwritten records from slack space (${copies} identical to live records left out)`,
  });
  return events;
}

export async function readText(file: TriageFile, opts: BuildTimelineOptions, sink: EventSink): Promise<void> {
  const { problems } = sink;
  let count = 0;
  const entries = readTextLogEntries(file.path, {
    ...opts.textLog,
    onProblem: (p) =>
      problems.push({
        source: file.name,
        reason: p.lineNumber !== undefined ? `${p.reason} (行 / line ${p.lineNumber})` : p.reason,
      }),
  });
  for await (const entriesBatch of entries) {
    await sink.emit(entriesBatch.map((entry) => toTextLogTimelineEvent(entry, file.name)));
    count += entriesBatch.length;
  }
  if (count === 0)
    problems.push({
      source: file.name,
      reason:
        "認識できるログ行がありません（対応形式: sshd, FortiGate, Cisco ASA, PAN-OS, Pulse Secure, OpenVPN, SonicWall） / no recognised log lines (supported: sshd, FortiGate, Cisco ASA, PAN-OS, Pulse Secure, OpenVPN, SonicWall)",
    });
}
