import { inflateRawSync } from "node:zlib";
import { AppError } from "@sonae/core";

/** What an uploaded register may expand to. A real register of a few thousand rows is well under 10 MB of XML. */
export const XLSX_MAX_EXPANDED_BYTES = 50 * 1024 * 1024;
const XLSX_MAX_ENTRIES = 500;

function refuse(ja: string, en: string): never {
  throw new AppError("VALIDATION", { field: "contentBase64", detail: { ja, en } });
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // EOCD record (APPNOTE 4.3.16): 22 bytes plus a comment of at most 65535 bytes, at the end of the file.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  }
  return refuse(
    "XLSX ファイルとして読めません（ZIP ではありません）。",
    "The file cannot be read as XLSX (not a ZIP).",
  );
}

/**
 * An .xlsx is a ZIP; a 2 MB upload could inflate to gigabytes (a "zip bomb") inside the spreadsheet library,
 * which reads everything into memory. So every entry is inflated here first with a hard output limit
 * (zlib's maxOutputLength), trusting no size the archive declares, before the library sees the file.
 */
export function assertXlsxWithinLimits(bytes: Buffer): void {
  if (bytes.length < 22) refuse("XLSX ファイルとして読めません。", "The file cannot be read as XLSX.");
  const eocd = findEndOfCentralDirectory(bytes);
  const entries = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  if (entries > XLSX_MAX_ENTRIES || entries === 0xffff || p === 0xffffffff) {
    refuse("XLSX ファイルの構成が想定外です。", "The XLSX file has an unexpected structure.");
  }
  let budget = XLSX_MAX_EXPANDED_BYTES;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) {
      refuse("XLSX ファイルが壊れています。", "The XLSX file is damaged.");
    }
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const local = bytes.readUInt32LE(p + 42);
    p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) {
      refuse("XLSX ファイルが壊れています。", "The XLSX file is damaged.");
    }
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    let expanded: number;
    if (method === 0) expanded = data.length;
    else if (method === 8) {
      try {
        expanded = inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch {
        refuse(
          `XLSX ファイルの展開後の大きさが上限（${XLSX_MAX_EXPANDED_BYTES / 1024 / 1024} MB）を超えるか、壊れています。`,
          `The XLSX file expands beyond ${XLSX_MAX_EXPANDED_BYTES / 1024 / 1024} MB or is damaged.`,
        );
      }
    } else
      refuse(
        "XLSX ファイルの圧縮方式に対応していません。",
        "The XLSX file uses an unsupported compression method.",
      );
    budget -= expanded;
    if (budget < 0) {
      refuse(
        `XLSX ファイルの展開後の大きさが上限（${XLSX_MAX_EXPANDED_BYTES / 1024 / 1024} MB）を超えます。`,
        `The XLSX file expands beyond ${XLSX_MAX_EXPANDED_BYTES / 1024 / 1024} MB.`,
      );
    }
  }
}
