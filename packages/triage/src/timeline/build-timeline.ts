import type { DetectionContext } from "../detections/detection-helpers";
import { mergeFindings } from "../detections/merge-findings";
import { runBuiltinDetections, sortDetections } from "../detections/run-detections";
import { extractEventFields } from "../evtx/evtx-fields";
import { parseEvtxChunks } from "../evtx/evtx-file-parser";
import { LiveRecordIndex } from "../evtx/live-record-index";
import { type CountryLookup, openCountryLookup } from "../geo/ip-country";
import { collectInputs, type TriageFile } from "../input/collect-inputs";
import type { ZipLimits } from "../input/zip-limits";
import { readTextLogEntries } from "../textlog/parse-text-log";
import type { TextLogLimits } from "../textlog/read-text-lines";
import type { TextLogOptions } from "../textlog/text-log-types";
import { toTimelineEvent } from "./evtx-timeline-event";
import { toTextLogTimelineEvent } from "./text-log-timeline-event";
import type { TDetection, TTimelineEvent, TTriageProblem, TTriageResult } from "./timeline-event";

/** Progress of a triage run, per file and byte. */
export interface TriageProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
}

/** Options for {@link buildTimeline}. */
export interface BuildTimelineOptions {
  onProgress?: (p: TriageProgress) => void;
  /** Time reading and limits (line length, time per file) for text logs. */
  textLog?: TextLogOptions & TextLogLimits;
  /** Country lookup for "logon from abroad"; default the shipped DB-IP Lite; `null` disables. */
  countries?: CountryLookup | null;
  /** Size and ratio limits for extracting .zip bundles. */
  zipLimits?: ZipLimits;
  /** Extra detectors (e.g. Sigma) run over the finished timeline. */
  extraDetectors?: Array<(events: TTimelineEvent[]) => TDetection[]>;
}

async function readEvtx(
  file: TriageFile,
  index: number,
  count: number,
  opts: BuildTimelineOptions,
  events: TTimelineEvent[],
  problems: TTriageProblem[],
  gaps: DetectionContext["recordGaps"],
): Promise<void> {
  let previous: { id: number; eventId: string } | undefined;
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
  for await (const records of chunks)
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
      events.push(event);
      // Record numbers in the record header rise by one; a jump means removed records.
      if (previous && record.recordId > previous.id + 1)
        gaps.push({
          source: file.name,
          afterId: previous.id,
          beforeId: record.recordId,
          afterEventId: previous.eventId,
        });
      previous = { id: record.recordId, eventId: event.id };
    }
  addRecovered(file.name, recovered, live, events, problems);
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
function addRecovered(
  source: string,
  recovered: Array<{ event: TTimelineEvent; recordId: number; fingerprint: string }>,
  live: LiveRecordIndex,
  events: TTimelineEvent[],
  problems: TTriageProblem[],
): void {
  if (recovered.length === 0) return;
  let copies = 0;
  for (const r of recovered) {
    if (live.hasCopy(r.recordId, r.fingerprint)) copies++;
    else events.push(r.event);
  }
  problems.push({
    source,
    reason: `スラック領域から削除・上書きされたレコード ${recovered.length} 件を復元（うち現存レコードと同一の ${copies} 件は省略） / recovered ${recovered.length} deleted or overwritten records from slack space (${copies} identical to live records left out)`,
  });
}

async function readText(
  file: TriageFile,
  opts: BuildTimelineOptions,
  events: TTimelineEvent[],
  problems: TTriageProblem[],
): Promise<void> {
  let count = 0;
  const entries = readTextLogEntries(file.path, {
    ...opts.textLog,
    onProblem: (p) =>
      problems.push({
        source: file.name,
        reason: p.lineNumber !== undefined ? `${p.reason} (行 / line ${p.lineNumber})` : p.reason,
      }),
  });
  for await (const batch of entries)
    for (const entry of batch) {
      events.push(toTextLogTimelineEvent(entry, file.name));
      count++;
    }
  if (count === 0)
    problems.push({
      source: file.name,
      reason:
        "認識できるログ行がありません（対応形式: sshd, FortiGate, Cisco ASA, PAN-OS, Pulse Secure, OpenVPN, SonicWall） / no recognised log lines (supported: sshd, FortiGate, Cisco ASA, PAN-OS, Pulse Secure, OpenVPN, SonicWall)",
    });
}

/**
 * Triage of already collected files (e.g. entries of an uploaded evidence bundle): decodes every
 * EVTX and text log, merges them into one UTC timeline sorted by time, and runs the detections.
 * Files that cannot be read become `problems`; one bad file never stops the others.
 */
export async function triageFiles(
  files: TriageFile[],
  opts: BuildTimelineOptions = {},
): Promise<TTriageResult> {
  const events: TTimelineEvent[] = [];
  const problems: TTriageProblem[] = [];
  const recordGaps: DetectionContext["recordGaps"] = [];
  for (const [index, file] of files.entries()) {
    try {
      if (file.kind === "evtx") await readEvtx(file, index, files.length, opts, events, problems, recordGaps);
      else {
        await readText(file, opts, events, problems);
        opts.onProgress?.({
          file: file.name,
          fileIndex: index,
          fileCount: files.length,
          bytesDone: 1,
          bytesTotal: 1,
        });
      }
    } catch (error) {
      problems.push({ source: file.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  events.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  const countries = opts.countries === undefined ? openCountryLookup() : opts.countries;
  const detections = runBuiltinDetections({ events, recordGaps, countries });
  for (const detector of opts.extraDetectors ?? []) detections.push(...detector(events));
  return { events, detections: sortDetections(mergeFindings(detections)), problems };
}

/** Triage of paths given by the user: files, folders and `.zip` bundles. */
export async function buildTimeline(
  inputs: string[],
  opts: BuildTimelineOptions = {},
): Promise<TTriageResult> {
  const { files, problems, cleanup } = await collectInputs(inputs, opts.zipLimits);
  try {
    const result = await triageFiles(files, opts);
    result.problems.unshift(...problems);
    return result;
  } finally {
    await cleanup();
  }
}
