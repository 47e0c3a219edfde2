/**
 * ISO 8601 UTC timestamp with nanoseconds from a bigint `*Ns` stat field. Forensic timelines
 * need more than the millisecond precision of `Date` (NTFS and ext4 keep 100 ns / 1 ns).
 */
export function formatNanoseconds(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const rest = ns % 1_000_000_000n;
  const base = new Date(Number(ms)).toISOString().slice(0, 19);
  const fraction = (rest < 0n ? rest + 1_000_000_000n : rest).toString().padStart(9, "0");
  return `${base}.${fraction}Z`;
}
