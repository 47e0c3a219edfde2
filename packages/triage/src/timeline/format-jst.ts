/** Japan Standard Time is UTC+9 all year (no daylight saving since 1952). */
const JST_OFFSET_MS = 9 * 3600 * 1000;

/** Formats an ISO UTC time as `YYYY-MM-DD HH:mm:ss.SSS JST`; returns "" for an invalid time. */
export function formatJst(isoUtc: string): string {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) return "";
  return `${new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 23).replace("T", " ")} JST`;
}
