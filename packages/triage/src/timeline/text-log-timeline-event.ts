import type { ParsedLogEntry } from "../textlog/parse-text-log";
import { formatJst } from "./format-jst";
import type { TTimelineEvent } from "./timeline-event";

/** Maps a recognised text-log line to the timeline shape; `outcome` goes into details for rules. */
export function toTextLogTimelineEvent(entry: ParsedLogEntry, source: string): TTimelineEvent {
  return {
    id: `${source}#L${entry.lineNumber}`,
    time: entry.time,
    timeJst: formatJst(entry.time),
    host: entry.host,
    source,
    sourceType: "text-log",
    channel: entry.format,
    eventId: null,
    event: entry.event,
    user: entry.user,
    sourceAddress: entry.sourceAddress,
    details: { ...entry.details, ...(entry.outcome ? { outcome: entry.outcome } : {}) },
  };
}
