import type { Manifest } from "./manifest-types";

const HEADER = [
  "status",
  "entry_name",
  "source_path",
  "size",
  "mtime",
  "ctime",
  "atime",
  "birthtime",
  "sha256",
  "sha1",
  "md5",
  "changed_while_reading",
  "reason_ja",
  "reason_en",
];

/**
 * manifest.csv for Excel: UTF-8 BOM (or Japanese paths show as mojibake), CRLF, every cell quoted,
 * and cells starting with = + - @ (or tab/CR) prefixed with `'` so a hostile file name cannot run
 * as a formula (OWASP "CSV Injection"). Derived from manifest.json only, so verify can rebuild it.
 */
export function renderManifestCsv(manifest: Manifest): Buffer {
  const rows: string[][] = [HEADER];
  for (const f of manifest.files) {
    rows.push([
      f.changedWhileReading ? "collected-changed" : "collected",
      f.entryName,
      f.sourcePath,
      String(f.size),
      f.mtime,
      f.ctime,
      f.atime,
      f.birthtime ?? "",
      f.sha256,
      f.sha1 ?? "",
      f.md5 ?? "",
      f.changedWhileReading ? (f.changeDetail ?? "yes") : "",
      "",
      "",
    ]);
  }
  for (const p of manifest.problems) {
    rows.push([p.status, "", p.sourcePath, "", "", "", "", "", "", "", "", "", p.reason.ja, p.reason.en]);
  }
  const text = rows.map((row) => row.map(escapeCell).join(",")).join("\r\n");
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, "utf8")]);
}

/** Quotes a cell and neutralises spreadsheet formulas. */
export function escapeCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
