/**
 * Vendor version strings compared segment by segment: "7.0.12" < "7.0.13", "9.1.10" > "9.1.9",
 * "10.2.1-h2" > "10.2.1", "22.7R2.3" > "22.7R2". Vendors use no common scheme (semver does not parse
 * FortiOS builds or Ivanti "R" releases), so this is deliberately lenient.
 */

type Segment = number | string;

/** Splits a version into numeric and alphabetic segments; null when the text holds no digit. */
export function parseVersion(input: string): Segment[] | null {
  const text = input
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/^v(?=\d)/, "");
  if (!/\d/.test(text)) return null;
  const parts = text.match(/\d+|[a-z]+/g) ?? [];
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Negative when a < b, 0 when equal, positive when a > b. Missing trailing zeros are equal ("7.0" = "7.0.0"). */
export function compareVersions(a: readonly Segment[], b: readonly Segment[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return y === 0 ? 0 : -1;
    if (y === undefined) return x === 0 ? 0 : 1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "string" && typeof y === "string") return x < y ? -1 : 1;
    // A letter segment ("r" in 22.7R2, "h" in 10.2.1-h2) after a common prefix is a build/hotfix of that
    // prefix: it sorts after the prefix alone but before the next numeric component.
    return typeof x === "string" ? -1 : 1;
  }
  return 0;
}
