/**
 * A MISP regex entry is a PCRE literal: delimiter, pattern, delimiter, flags ("/^abuse@/i"). Only
 * patterns JavaScript reads the same way are accepted (flags i, m, s); anything else is refused at
 * load so a list can never silently match differently from MISP.
 */
export function compileMispRegex(entry: string): RegExp | null {
  const delimiter = entry[0];
  if (!delimiter || /[a-z0-9\\\s]/i.test(delimiter)) return null;
  const end = entry.lastIndexOf(delimiter);
  if (end <= 0) return null;
  const flags = entry.slice(end + 1);
  if (!/^[ims]*$/.test(flags)) return null;
  try {
    return new RegExp(entry.slice(1, end), flags);
  } catch {
    return null;
  }
}

/** Regex entries only ever see values up to this length (an indicator is at most 2048 characters). */
export const MAX_REGEX_SUBJECT = 2048;
