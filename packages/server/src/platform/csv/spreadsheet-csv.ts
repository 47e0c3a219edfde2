import { stringify } from "csv-stringify/sync";

/**
 * Cells starting with these characters are read as formulas by Excel and LibreOffice (CSV
 * injection, OWASP "CSV Injection"); a leading apostrophe makes them text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell that a spreadsheet would evaluate as a formula. */
export function escapeSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A table (register, statistics) as CSV for Excel: UTF-8 with a BOM (so Excel in Japanese Windows does not read it as
 * Shift_JIS), CRLF line ends, every cell quoted when needed and formula-escaped.
 */
export function toSpreadsheetCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((row) =>
    row.map((v) => {
      if (v === null || v === undefined) return "";
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return escapeSpreadsheetCell(String(v));
    }),
  );
  return `\uFEFF${stringify([header as string[], ...cells], { record_delimiter: "\r\n" })}`;
}
