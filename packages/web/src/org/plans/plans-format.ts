import i18n from "../../i18n";

/** A date-time in the UI language, in Japan time (the organisations Sonae serves are in Japan). */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ja-JP", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));
}

/** A date only, in Japan time. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ja-JP", {
    dateStyle: "medium",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));
}

/** The UI language as the API's lang parameter. */
export function currentLang(): "ja" | "en" {
  return i18n.language === "en" ? "en" : "ja";
}
