import { z } from "zod";
import type { TDetection, TTimelineEvent } from "./timeline-event";

/**
 * Query for the incident timeline view (filter, search, sort, page, jump to a detection's
 * evidence). Same schema for the HTTP query string and the web UI's state.
 */
export const ZTimelineQuery = z.object({
  q: z.string().optional(),
  host: z.string().optional(),
  source: z.string().optional(),
  eventId: z.coerce.number().int().optional(),
  user: z.string().optional(),
  sourceAddress: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  /** Only the evidence of this detection. */
  detectionId: z.string().optional(),
  sort: z.enum(["time", "-time", "host", "event", "user", "sourceAddress"]).default("time"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

function matchesText(e: TTimelineEvent, needle: string): boolean {
  if (`${e.event} ${e.host} ${e.user} ${e.sourceAddress} ${e.source}`.toLowerCase().includes(needle))
    return true;
  return Object.values(e.details).some((v) => v.toLowerCase().includes(needle));
}

/** Filters, searches (case-insensitive, details included), sorts and pages a timeline. */
export function queryTimeline(
  events: TTimelineEvent[],
  detections: TDetection[],
  query: Partial<TTimelineQuery>,
): { total: number; events: TTimelineEvent[] } {
  const q = ZTimelineQuery.parse(query);
  const evidence = q.detectionId
    ? new Set(detections.find((d) => d.id === q.detectionId)?.eventIds ?? [])
    : null;
  const needle = q.q?.toLowerCase();
  const hit = events.filter(
    (e) =>
      (!evidence || evidence.has(e.id)) &&
      (!q.host || e.host.toLowerCase() === q.host.toLowerCase()) &&
      (!q.source || e.source === q.source) &&
      (q.eventId === undefined || e.eventId === q.eventId) &&
      (!q.user || e.user.toLowerCase().includes(q.user.toLowerCase())) &&
      (!q.sourceAddress || e.sourceAddress === q.sourceAddress) &&
      (!q.from || e.time >= q.from) &&
      (!q.to || e.time <= q.to) &&
      (!needle || matchesText(e, needle)),
  );
  const key = q.sort.replace(/^-/, "") as "time" | "host" | "event" | "user" | "sourceAddress";
  const dir = q.sort.startsWith("-") ? -1 : 1;
  hit.sort((a, b) => dir * a[key].localeCompare(b[key]) || a.time.localeCompare(b.time));
  return { total: hit.length, events: hit.slice(q.offset, q.offset + q.limit) };
}
