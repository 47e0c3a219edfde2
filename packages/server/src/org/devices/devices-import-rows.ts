import {
  AppError,
  isSpreadsheetFormula,
  type TDeviceInput,
  type TImportRowError,
  unescapeSpreadsheetCell,
  ZDeviceInput,
} from "@sonae/core";
import { COLUMN_BY_HEADER, type DeviceColumn, normaliseLabel, REQUIRED_KEYS } from "./devices-file-columns";
import type { SheetTable } from "./devices-file-read";

export type ValidatedRows = { rows: { row: number; input: TDeviceInput }[]; errors: TImportRowError[] };

/** Maps the header row to columns; a missing required column or a repeated one makes the whole file unusable. */
function mapHeaders(headers: string[]): (DeviceColumn | undefined)[] {
  const mapped = headers.map((h) => (h ? COLUMN_BY_HEADER.get(normaliseLabel(h)) : undefined));
  const seen = new Set<string>();
  for (const column of mapped) {
    if (!column) continue;
    if (seen.has(column.key)) {
      throw new AppError("VALIDATION", {
        field: "contentBase64",
        detail: {
          ja: `列「${column.ja}」が重複しています。`,
          en: `The column "${column.en}" appears twice.`,
        },
      });
    }
    seen.add(column.key);
  }
  const missing = [...REQUIRED_KEYS].filter((k) => !seen.has(k));
  if (missing.length > 0) {
    const names = missing.map(
      (k) => mapped.find((c) => c?.key === k) ?? COLUMN_BY_HEADER.get(normaliseLabel(k))!,
    );
    throw new AppError("VALIDATION", {
      field: "contentBase64",
      detail: {
        ja: `必須の列がありません: ${names.map((c) => c.ja).join("、")}（1 行目はヘッダー行にしてください）`,
        en: `Required columns are missing: ${names.map((c) => c.en).join(", ")} (row 1 must be the header row)`,
      },
    });
  }
  return mapped;
}

/** Validates every row; collects all problems (row, column, ja/en message) instead of stopping at the first. */
export function validateDeviceRows(table: SheetTable): ValidatedRows {
  const columns = mapHeaders(table.headers);
  const result: ValidatedRows = { rows: [], errors: [] };
  for (const { row, cells, formulaColumns } of table.rows) {
    if (cells.every((c) => c === null || String(c).trim() === "")) continue;
    const errors: TImportRowError[] = [];
    const draft: Record<string, unknown> = {};
    if (cells.length > table.headers.length) {
      errors.push({
        row,
        column: null,
        message: {
          ja: `列の数がヘッダー（${table.headers.length} 列）より多い行です（${cells.length} 列）。`,
          en: `This row has ${cells.length} cells but the header has ${table.headers.length}.`,
        },
      });
    }
    columns.forEach((column, i) => {
      if (!column) return;
      if (formulaColumns.includes(i)) {
        errors.push({
          row,
          column: column.ja,
          message: {
            ja: "数式のセルは取り込めません。値を入力してください。",
            en: "Formula cells cannot be imported; enter a value.",
          },
        });
        return;
      }
      const raw = cells[i] ?? null;
      // Text that a spreadsheet would evaluate (core's isSpreadsheetFormula: after trimming, = + - @, tab, CR)
      // is refused in CSV and XLSX alike; "'" before it is the escape Sonae's export writes, read back as text.
      if (typeof raw === "string" && isSpreadsheetFormula(raw)) {
        errors.push({
          row,
          column: column.ja,
          message: {
            ja: "数式として実行されうる値です（先頭が = + - @ など）。先頭の記号を消すか ' を付けてください。",
            en: "This value would run as a spreadsheet formula (starts with = + - @ …). Remove the sign or prefix it with '.",
          },
        });
        return;
      }
      const parsed = column.parse(typeof raw === "string" ? unescapeSpreadsheetCell(raw) : raw);
      if ("error" in parsed) errors.push({ row, column: column.ja, message: parsed.error });
      else draft[column.key] = parsed.value;
    });
    // Schema checks run even when a cell failed to parse, so the user sees every problem of the row at once;
    // a column that already has an error is not reported twice.
    const failed = new Set(errors.map((e) => e.column));
    const checked = ZDeviceInput.safeParse(draft);
    if (checked.success && errors.length === 0) result.rows.push({ row, input: checked.data });
    for (const issue of checked.success ? [] : checked.error.issues) {
      const column = columns.find((c) => c?.key === issue.path[0]);
      const name = column?.ja ?? String(issue.path[0] ?? "");
      if (failed.has(name)) continue;
      const missing = draft[String(issue.path[0])] === undefined;
      errors.push({
        row,
        column: name,
        message: missing
          ? { ja: "必須の項目が空です。", en: "This required cell is empty." }
          : { ja: `値が不正です: ${issue.message}`, en: `Invalid value: ${issue.message}` },
      });
    }
    result.errors.push(...errors);
  }
  return result;
}
