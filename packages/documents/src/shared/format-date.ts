/**
 * Formats an ISO date-time for people in Japan: Japan Standard Time, because the police, the PPC and
 * the organisation all count deadlines in local time.
 */
export function formatDateTime(iso: string, lang: "ja" | "en"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid date-time: ${iso}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return lang === "ja"
    ? `${day} ${parts.hour}:${parts.minute}（日本時間）`
    : `${day} ${parts.hour}:${parts.minute} JST`;
}

/** Formats an ISO date (or date-time) as YYYY-MM-DD in Japan time. */
export function formatDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return formatDateTime(iso, "en").slice(0, 10);
}
