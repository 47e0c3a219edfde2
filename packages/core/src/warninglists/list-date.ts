const pad = (n: number) => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
}

/**
 * The date of a MISP list's data. Lists generated from an upstream feed carry it in `version`, either
 * as YYYYMMDD (20260811) or as YYMMDDHH (26081010, the scanner lists); hand-kept lists count up
 * (version 5) and then the snapshot's date is the best we know.
 */
export function warningListDate(
  version: number,
  snapshotDate: string,
): { date: string; dateBasis: "list-version" | "snapshot" } {
  const s = String(version);
  const date =
    s.length === 8
      ? (validDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))) ??
        validDate(2000 + Number(s.slice(0, 2)), Number(s.slice(2, 4)), Number(s.slice(4, 6))))
      : null;
  // A date after the snapshot cannot be a data date (it would be a counter that looks like one).
  if (date && date <= snapshotDate) return { date, dateBasis: "list-version" };
  return { date: snapshotDate, dateBasis: "snapshot" };
}
