import { AppError } from "@sonae/core";
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { decodeCsvBytes } from "../../platform/csv/decode-csv-bytes";
import { assertXlsxWithinLimits } from "../../platform/csv/xlsx-guard";
import type { RawCell } from "./devices-file-columns";

/** A sheet as read from a file: the header row and the data rows with their 1-based row numbers (header = 1). */
export type SheetTable = {
  headers: string[];
  rows: { row: number; cells: RawCell[]; formulaColumns: number[] }[];
};

/** Rows beyond this are refused: a device register of an SME has tens of rows, not tens of thousands. */
export const MAX_IMPORT_ROWS = 5000;

function fileError(ja: string, en: string, cause?: unknown): AppError {
  return new AppError("VALIDATION", { field: "contentBase64", detail: { ja, en }, cause });
}

/**
 * Reads a CSV export (any RFC 4180 file) in UTF-8 or Shift_JIS/CP932 (see {@link decodeCsvBytes}); other
 * encodings are refused with a clear message.
 */
export function readCsvTable(bytes: Buffer): SheetTable {
  const { text } = decodeCsvBytes(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: false,
    }) as string[][];
  } catch (cause) {
    const line = cause instanceof CsvError ? ((cause as CsvError & { lines?: number }).lines ?? "?") : "?";
    throw fileError(
      `CSV の形式が壊れています（${line} 行目付近: 引用符 " の閉じ忘れなど）。何も取り込んでいません。`,
      `The CSV file is malformed near line ${line} (e.g. an unclosed quote "). Nothing was imported.`,
      cause,
    );
  }
  const [header, ...data] = records;
  if (!header || header.every((h) => !h.trim())) {
    throw fileError("CSV にヘッダー行がありません。", "The CSV file has no header row.");
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw fileError(
      `行数が多すぎます（上限 ${MAX_IMPORT_ROWS} 行）。`,
      `Too many rows (at most ${MAX_IMPORT_ROWS}).`,
    );
  }
  return {
    headers: header.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ row: i + 2, cells, formulaColumns: [] })),
  };
}

function cellValue(value: ExcelJS.CellValue): { raw: RawCell; formula: boolean } {
  if (value === null || value === undefined) return { raw: null, formula: false };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return { raw: value, formula: false };
  }
  if (value instanceof Date) return { raw: value, formula: false };
  if ("formula" in value || "sharedFormula" in value) return { raw: null, formula: true };
  if ("richText" in value) return { raw: value.richText.map((r) => r.text).join(""), formula: false };
  if ("text" in value) return { raw: String(value.text), formula: false };
  return { raw: null, formula: false };
}

/** Reads the first worksheet of an .xlsx file; formula cells are reported, never evaluated. */
export async function readXlsxTable(bytes: Buffer): Promise<SheetTable> {
  assertXlsxWithinLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw fileError(
      "XLSX ファイルとして読めません（壊れているか、別の形式です）。",
      "The file cannot be read as XLSX (damaged or another format).",
      cause,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw fileError("シートが空です。", "The worksheet is empty.");
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) {
    throw fileError(
      `行数が多すぎます（上限 ${MAX_IMPORT_ROWS} 行）。`,
      `Too many rows (at most ${MAX_IMPORT_ROWS}).`,
    );
  }
  const width = sheet.columnCount;
  const headerRow = sheet.getRow(1);
  const headers = Array.from({ length: width }, (_, i) =>
    String(cellValue(headerRow.getCell(i + 1).value).raw ?? "").trim(),
  );
  if (headers.every((h) => !h)) throw fileError("1 行目にヘッダーがありません。", "Row 1 has no header.");
  const rows: SheetTable["rows"] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const read = Array.from({ length: width }, (_, i) => cellValue(row.getCell(i + 1).value));
    if (read.every((c) => c.raw === null && !c.formula)) continue;
    rows.push({
      row: r,
      cells: read.map((c) => c.raw),
      formulaColumns: read.flatMap((c, i) => (c.formula ? [i] : [])),
    });
  }
  return { headers, rows };
}
