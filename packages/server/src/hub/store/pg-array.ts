/**
 * A PostgreSQL array literal for ONE bound parameter (cast in SQL: `${pgArray(ids)}::uuid[]`), so a
 * batch statement has a fixed number of parameters whatever its size and runs the same on
 * node-postgres and PGlite. Every element is quoted; `"` and `\` are escaped; null is NULL.
 * Bytes go as hex text and are turned back with decode(…, 'hex') in SQL.
 */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${String(v).replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;
}
