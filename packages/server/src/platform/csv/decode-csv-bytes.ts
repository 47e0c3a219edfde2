import { AppError } from "@sonae/core";

export type CsvEncoding = "utf-8" | "shift_jis";

function refuse(ja: string, en: string): never {
  throw new AppError("VALIDATION", { field: "contentBase64", detail: { ja, en } });
}

// Half-width katakana (U+FF61–U+FF9F): what EUC-JP or Latin-1 bytes turn into when read as Shift_JIS.
const HALF_WIDTH_KANA = /[\uFF61-\uFF9F]/g;

/** C0 controls other than tab/CR/LF, and C1 controls: never in a register typed in Excel. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x80 && c <= 0x9f)) return true;
  }
  return false;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/**
 * Text of an uploaded CSV: UTF-8 (Excel's "CSV UTF-8", with or without BOM) or Shift_JIS / CP932 (Excel's plain
 * "CSV" on Japanese Windows). Anything else (UTF-16, EUC-JP, binary) is refused with a message that says
 * how to save the file, rather than imported as mojibake.
 */
export function decodeCsvBytes(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    refuse(
      "CSV ファイルが UTF-16（Unicode テキスト）です。Excel では「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」で保存してください。",
      'The CSV file is UTF-16 ("Unicode Text"). In Excel, save it as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)".',
    );
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    if (!hasControlCharacters(text)) return { text, encoding: "utf-8" };
  } catch {
    // not UTF-8: Excel's plain "CSV" on Japanese Windows writes CP932, tried next
  }
  let text = "";
  try {
    // WHATWG "shift_jis" is Windows-31J (CP932): NEC/IBM extensions such as ①, ㈱ and 髙 decode correctly.
    text = new TextDecoder("shift_jis", { fatal: true }).decode(bytes);
  } catch {
    text = "";
  }
  const nonAscii = countNonAscii(text);
  const halfKana = text.match(HALF_WIDTH_KANA)?.length ?? 0;
  if (!text || hasControlCharacters(text) || (nonAscii > 0 && halfKana / nonAscii > 0.5)) {
    refuse(
      "CSV ファイルの文字コードを読めません（UTF-8 でも Shift_JIS でもありません。EUC-JP などの可能性があります）。Excel で「CSV UTF-8（コンマ区切り）」で保存し直してください。",
      'The CSV file\'s encoding is neither UTF-8 nor Shift_JIS (perhaps EUC-JP). Save it again in Excel as "CSV UTF-8 (Comma delimited)".',
    );
  }
  return { text, encoding: "shift_jis" };
}
