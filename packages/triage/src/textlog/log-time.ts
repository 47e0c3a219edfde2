import type { TextLogOptions } from "./text-log-types";

const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

/** Resolved defaults for text-log parsing. */
export function resolveOptions(opts: TextLogOptions = {}): Required<TextLogOptions> {
  return { utcOffsetMinutes: opts.utcOffsetMinutes ?? 540, year: opts.year ?? new Date().getUTCFullYear() };
}

/** Local wall-clock parts + offset → ISO UTC ("" when invalid). */
export function toUtcIso(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMinutes: number,
  ms = 0,
): string {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
  return Number.isNaN(t) || mo < 1 || mo > 12 || d < 1 || d > 31 ? "" : new Date(t).toISOString();
}

/** Parses `+0900`, `-07:00`, `Z`, `UTC` into minutes east of UTC; null when absent. */
export function parseOffset(tz: string | undefined): number | null {
  if (!tz) return null;
  if (tz === "Z" || tz === "UTC") return 0;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(tz.trim());
  if (!m) return null;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Parses the time forms found at the start of device logs: RFC 3164 `Feb 12 14:10:21`,
 * ISO 8601 with or without offset, and `YYYY-MM-DD HH:MM:SS` / `YYYY/MM/DD HH:MM:SS`.
 */
export function parseLogTime(text: string, opts: Required<TextLogOptions>, tz?: string): string {
  const iso =
    /^(\d{4})[-/](\d\d)[-/](\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?\s*(Z|UTC|[+-]\d\d:?\d\d)?/.exec(text);
  if (iso) {
    const offset = parseOffset(iso[8] ?? tz) ?? opts.utcOffsetMinutes;
    const ms = iso[7] ? Number(iso[7].slice(0, 3).padEnd(3, "0")) : 0;
    return toUtcIso(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4]),
      Number(iso[5]),
      Number(iso[6]),
      offset,
      ms,
    );
  }
  const sys = /^([A-Z][a-z]{2})\s+(\d{1,2}) (\d\d):(\d\d):(\d\d)/.exec(text);
  if (sys) {
    const month = MONTHS[sys[1] as string];
    if (!month) return "";
    return toUtcIso(
      opts.year,
      month,
      Number(sys[2]),
      Number(sys[3]),
      Number(sys[4]),
      Number(sys[5]),
      parseOffset(tz) ?? opts.utcOffsetMinutes,
    );
  }
  return "";
}

export { parseKeyValues } from "./key-values";
