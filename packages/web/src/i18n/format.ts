import i18n from "./index";

const locale = () => (i18n.language === "en" ? "en-GB" : "ja-JP");

/**
 * A calendar date in the UI language: 2026年8月7日 / 7 Aug 2026. A bare `YYYY-MM-DD` (catalogue
 * release dates, "checked on" dates) is a date, not an instant, so it is formatted in UTC and never
 * shifts a day in the reader's time zone.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(isDateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    year: "numeric",
    month: i18n.language === "en" ? "short" : "long",
    day: "numeric",
    timeZone: isDateOnly ? "UTC" : "Asia/Tokyo",
  }).format(d);
}

/** An instant in Japan time, in the UI language: 2026/11/22 18:16 / 22 Nov 2026, 18:16. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(d);
}
