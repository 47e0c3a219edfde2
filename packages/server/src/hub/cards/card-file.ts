import { AppError, type THubCardExposure } from "@sonae/core";
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
// Byte-level guards shared with the organisation's device import (candidates for platform/).
import { decodeCsvBytes } from "../../platform/csv/decode-csv-bytes";
import { assertXlsxWithinLimits } from "../../platform/csv/xlsx-guard";

/** One line of an officer's file, before validation. Exposure values are read as flags and dropped. */
export type CardLine = {
  line: number;
  raw: string;
  /** The PAN came from a spreadsheet cell typed as a number (Excel keeps 15 digits). */
  fromNumberCell: boolean;
  exposure: Partial<THubCardExposure>;
  /** An exposure column shows Excel damage (an expiry "0127" that became 127). */
  expiryDamaged: boolean;
  learnedOn?: string;
  sourceRef?: string;
};

export const MAX_CARD_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_CARD_LINES = 50_000;

const COLUMN_ALIASES: Record<string, keyof typeof COLUMNS> = {};
const COLUMNS = {
  number: ["number", "pan", "card", "card_number", "カード番号", "番号"],
  expiry: ["expiry", "exp", "有効期限"],
  cvc: ["cvc", "cvv", "security_code", "セキュリティコード"],
  holder: ["holder", "name", "名義", "名義人"],
  threeDs: ["3ds", "3d_secure", "3dセキュア"],
  learnedOn: ["learned_on", "date", "判明日"],
  sourceRef: ["source_ref", "source", "出典"],
} as const;
for (const [key, names] of Object.entries(COLUMNS))
  for (const n of names) COLUMN_ALIASES[n] = key as keyof typeof COLUMNS;

function fileError(ja: string, en: string, cause?: unknown): AppError {
  return new AppError("VALIDATION", { field: "contentBase64", detail: { ja, en }, cause });
}

const NO = new Set(["", "0", "no", "false", "n", "いいえ", "なし", "無", "-"]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Cell = { text: string; isNumber: boolean };

function toLine(line: number, header: (keyof typeof COLUMNS | undefined)[], cells: Cell[]): CardLine {
  const out: CardLine = { line, raw: "", fromNumberCell: false, exposure: {}, expiryDamaged: false };
  header.forEach((key, i) => {
    const cell = cells[i] ?? { text: "", isNumber: false };
    const text = cell.text.trim();
    if (key === "number") {
      out.raw = text;
      out.fromNumberCell = cell.isNumber;
    } else if (key === "expiry") {
      out.exposure.expiry = !NO.has(text.toLowerCase());
      // MMYY typed into a number cell loses its leading zero: 0127 → 127.
      out.expiryDamaged = /^[1-9][0-9]{2}$/.test(text);
    } else if (key === "cvc" || key === "holder" || key === "threeDs") {
      out.exposure[key] = !NO.has(text.toLowerCase());
    } else if (key === "learnedOn" && DAY.test(text)) out.learnedOn = text;
    else if (key === "sourceRef" && text) out.sourceRef = text.slice(0, 500);
  });
  return out;
}

function headerOf(names: string[]): (keyof typeof COLUMNS | undefined)[] {
  const header = names.map((n) => COLUMN_ALIASES[n.trim().toLowerCase()]);
  if (!header.includes("number")) {
    throw fileError(
      "ヘッダー行に「number」(カード番号)列がありません。",
      'The header row has no "number" (card number) column.',
    );
  }
  return header;
}

function assertLines(count: number): void {
  if (count > MAX_CARD_LINES)
    throw fileError(
      `行数が多すぎます(上限 ${MAX_CARD_LINES} 行)。ファイルを分けてください。何も取り込んでいません。`,
      `Too many lines (at most ${MAX_CARD_LINES}). Split the file. Nothing was imported.`,
    );
}

export function readCardCsv(bytes: Buffer): CardLine[] {
  const { text } = decodeCsvBytes(bytes);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (cause) {
    const line = cause instanceof CsvError ? ((cause as CsvError & { lines?: number }).lines ?? "?") : "?";
    throw fileError(
      `CSV の形式が壊れています(${line} 行目付近)。何も取り込んでいません。`,
      `The CSV file is malformed near line ${line}. Nothing was imported.`,
      cause,
    );
  }
  const [names, ...data] = records;
  if (!names) throw fileError("ファイルが空です。", "The file is empty.");
  assertLines(data.length);
  const header = headerOf(names);
  return data.map((cells, i) =>
    toLine(
      i + 2,
      header,
      cells.map((c) => ({ text: c, isNumber: false })),
    ),
  );
}

export function readCardText(bytes: Buffer): CardLine[] {
  const { text } = decodeCsvBytes(bytes);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  assertLines(lines.length);
  const out: CardLine[] = [];
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t && !t.startsWith("#"))
      out.push({ line: i + 1, raw: t, fromNumberCell: false, exposure: {}, expiryDamaged: false });
  });
  return out;
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: "", isNumber: false };
  if (typeof value === "number") return { text: numberText(value), isNumber: true };
  if (typeof value === "string" || typeof value === "boolean")
    return { text: String(value), isNumber: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), isNumber: false };
  if (typeof value === "object" && "richText" in value)
    return { text: value.richText.map((r) => r.text).join(""), isNumber: false };
  // Formulas are never evaluated: their cached result is not trusted as a card number.
  return { text: "", isNumber: false };
}

/** A number cell as Excel would display it in full (no exponent for integers up to 1e21). */
function numberText(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(n);
}

export async function readCardXlsx(bytes: Buffer): Promise<CardLine[]> {
  assertXlsxWithinLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw fileError("XLSX ファイルとして読めません。", "The file cannot be read as XLSX.", cause);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw fileError("シートが空です。", "The worksheet is empty.");
  assertLines(sheet.rowCount - 1);
  const width = sheet.columnCount;
  const cells = (r: number) =>
    Array.from({ length: width }, (_, i) => cellOf(sheet.getRow(r).getCell(i + 1).value));
  const header = headerOf(cells(1).map((c) => c.text));
  const out: CardLine[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = cells(r);
    if (row.every((c) => c.text === "")) continue;
    out.push(toLine(r, header, row));
  }
  return out;
}

export async function readCardFile(format: "csv" | "xlsx" | "text", bytes: Buffer): Promise<CardLine[]> {
  if (bytes.length > MAX_CARD_FILE_BYTES)
    throw fileError(
      `ファイルが大きすぎます(上限 ${MAX_CARD_FILE_BYTES / 1024 / 1024} MiB)。`,
      `The file is too large (at most ${MAX_CARD_FILE_BYTES / 1024 / 1024} MiB).`,
    );
  if (format === "csv") return readCardCsv(bytes);
  if (format === "xlsx") return readCardXlsx(bytes);
  return readCardText(bytes);
}
