/**
 * Canonical JSON (the RFC 8785 JCS rules that matter for our data): object keys sorted by UTF-16
 * code units, no whitespace, ECMAScript number and string serialisation. Signer and verifier agree
 * on the bytes whatever order the objects were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number in JSON");
    if (value === undefined) throw new Error("undefined is not JSON");
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
