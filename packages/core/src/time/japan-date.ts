/**
 * Japan's calendar (JST, UTC+9, no daylight saving time): deadlines, "verified 12 months ago" and
 * statistics periods are judged on the organisation's and the police's calendar, not the server's.
 */
const JST_OFFSET_MS = 9 * 3_600_000;

/** Today's date in Japan as YYYY-MM-DD. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Japanese calendar day (YYYY-MM-DD) begins. */
export function startOfJapanDay(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}
