import { once } from "node:events";
import type { Writable } from "node:stream";
import type { EventFindings } from "../detections/finding-index";
import type { TTimelineEvent } from "./timeline-event";

const COLUMNS = [
  "time_utc",
  "time_jst",
  "host",
  "source",
  "channel",
  "event_id",
  "event",
  "user",
  "source_address",
  "details",
  "recovered",
  "finding_id",
  "finding_title",
  "finding_severity",
  "attack",
] as const;

/**
 * Excel-safe CSV cell: always quoted, quotes doubled, and a leading `=`, `+`, `-`, `@`, tab or CR
 * prefixed with `'` so that attacker-controlled text (command lines, user names) can never run as
 * a formula when the file is opened in Excel (OWASP "CSV Injection").
 */
export function toCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function detailsText(details: Record<string, string>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== "" && v !== "-")
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

async function write(out: Writable, chunk: string): Promise<void> {
  // Respect back-pressure; events.once also rejects if the stream errors while waiting.
  if (!out.write(chunk)) await once(out, "drain");
}

/**
 * Writes the timeline as CSV for Excel: UTF-8 with BOM (Excel otherwise reads Japanese as
 * Shift_JIS mojibake), CRLF line ends, every cell quoted and formula-escaped.
 */
export async function writeTimelineCsv(
  events: Iterable<TTimelineEvent>,
  out: Writable,
  /** Findings by event id (indexFindingsByEvent); empty detection columns without it. */
  findings?: Map<string, EventFindings>,
): Promise<void> {
  await write(out, `\uFEFF${COLUMNS.join(",")}\r\n`);
  for (const e of events) {
    const cells = [
      e.time,
      e.timeJst,
      e.host,
      e.source,
      e.channel,
      e.eventId === null ? "" : String(e.eventId),
      e.event,
      e.user,
      e.sourceAddress,
      detailsText(e.details),
      // Deleted or overwritten records recovered from EVTX slack space are marked, never mixed in silently.
      e.recovered ? "復元 / recovered" : "",
      ...findingCells(findings?.get(e.id)),
    ];
    await write(out, `${cells.map(toCsvCell).join(",")}\r\n`);
  }
}

/** Several findings on one event are joined with " | " in each detection column. */
function findingCells(f: EventFindings | undefined): string[] {
  if (!f) return ["", "", "", ""];
  return [f.ids.join(" | "), f.titles.join(" | "), f.severity, f.attack.join(" ")];
}

/**
 * Writes one JSON object per line (JSON Lines), in the `TimelineEvent` shape; with `findings`,
 * events that a finding shows carry `findings: { ids, titles, severity, attack }`.
 */
export async function writeTimelineJsonl(
  events: Iterable<TTimelineEvent>,
  out: Writable,
  findings?: Map<string, EventFindings>,
): Promise<void> {
  for (const e of events) {
    const f = findings?.get(e.id);
    await write(out, `${JSON.stringify(f ? { ...e, findings: f } : e)}\n`);
  }
}
