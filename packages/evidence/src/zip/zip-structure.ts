import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { crc32, createInflateRaw } from "node:zlib";
import type { LocalisedText } from "../errors/evidence-error";
import {
  buildCentralHeader,
  buildDataDescriptor,
  buildEndRecords,
  buildLocalHeader,
  type ZipEntryRecord,
} from "./zip-records";
import {
  CENTRAL_FIELDS,
  DESCRIPTOR_FIELDS,
  describeDifference,
  END_FIELDS,
  LOCAL_FIELDS,
} from "./zip-structure-fields";

/** One thing wrong with the container, naming the record and field. */
export interface ZipStructureProblem {
  code: string;
  subject: string;
  message: LocalisedText;
}

/** Entries in archive order, and everything wrong with the container (empty when it is sound). */
export interface ZipStructureReport {
  entries: ZipEntryRecord[];
  problems: ZipStructureProblem[];
}

const MAX32 = 0xffffffff;
const MAX_CENTRAL_BYTES = 256 * 1024 * 1024;

class StructureError extends Error {
  constructor(readonly problem: ZipStructureProblem) {
    super(problem.message.en);
  }
}

function problem(code: string, subject: string, ja: string, en: string): StructureError {
  return new StructureError({ code, subject, message: { ja, en } });
}

/**
 * Checks a bundle or backup ZIP byte for byte against what Sonae's ZipWriter writes (the only
 * writer of these archives, see FORMAT.md): the end records are the last bytes of the file (no
 * trailing data), the central directory fills exactly the space before them, every entry's local
 * header, data descriptor and central header are exactly the records its values imply (so local
 * and central names, methods, times, flags and sizes agree), entries follow each other with no gap
 * or overlap from offset 0, and every entry's data inflates to its recorded size and CRC-32.
 * Stops at the first broken record, since nothing after it can be located reliably.
 */
export async function checkZipStructure(
  zipPath: string,
  options: { onBytes?: (count: number) => void } = {},
): Promise<ZipStructureReport> {
  const report: ZipStructureReport = { entries: [], problems: [] };
  const file = await open(zipPath, "r");
  try {
    const size = (await file.stat()).size;
    const end = await readEnd(file, size);
    const records = await readCentral(file, end);
    report.entries = records;
    await checkLocalRecords(file, records, end.cdOffset);
    for (const record of records) await checkEntryData(zipPath, record, options.onBytes);
  } catch (error) {
    if (!(error instanceof StructureError)) throw error;
    report.problems.push(error.problem);
  } finally {
    await file.close();
  }
  return report;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

interface EndInfo {
  count: number;
  cdOffset: number;
  cdSize: number;
  tailStart: number;
}

async function readEnd(file: FileHandle, size: number): Promise<EndInfo> {
  const search = await readAt(file, Math.max(0, size - 65_557), Math.min(size, 65_557));
  const at = search.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0 || search.length - at < 22) {
    throw problem(
      "ZIP_NO_END_RECORD",
      "end",
      "ZIP の終端レコードがありません (途中で切れているか ZIP ではありません)",
      "No ZIP end-of-central-directory record (truncated or not a ZIP)",
    );
  }
  const eocd = search.subarray(at, at + 22);
  const trailing = search.length - at - 22;
  if (trailing > 0) {
    throw problem(
      "ZIP_TRAILING_DATA",
      "end",
      `ZIP の終端レコードの後に ${trailing} バイトの余分なデータがあります`,
      `${trailing} bytes of trailing data after the end record`,
    );
  }
  let count = eocd.readUInt16LE(10);
  let cdSize = eocd.readUInt32LE(12);
  let cdOffset = eocd.readUInt32LE(16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const z = await readAt(file, size - 22 - 20 - 56, 56);
    if (z.length === 56 && z.readUInt32LE(0) === 0x06064b50) {
      count = safeNumber(z.readBigUInt64LE(32));
      cdSize = safeNumber(z.readBigUInt64LE(40));
      cdOffset = safeNumber(z.readBigUInt64LE(48));
    }
  }
  const expected = buildEndRecords(count, cdOffset, cdSize);
  const tailStart = size - expected.length;
  const found = await readAt(file, Math.max(0, tailStart), expected.length);
  if (!found.equals(expected)) {
    const classic =
      found.length >= 22 &&
      expected.length > 22 &&
      found.subarray(0, found.length - 22).equals(expected.subarray(0, expected.length - 22));
    const difference = describeDifference(found.subarray(-22), expected.subarray(-22), END_FIELDS, 0);
    const field =
      classic || expected.length === 22
        ? difference?.field
        : { ja: "ZIP64 終端レコード", en: "ZIP64 end record" };
    throw problem(
      "ZIP_END_RECORD",
      "end",
      `ZIP の終端レコードが不正です (${field?.ja ?? "長さ"})`,
      `The ZIP end record is wrong (${field?.en ?? "length"})`,
    );
  }
  if (cdOffset + cdSize !== tailStart) {
    throw problem(
      "ZIP_CENTRAL_LAYOUT",
      "central-directory",
      `中央ディレクトリ (位置 ${cdOffset}, ${cdSize} バイト) が終端レコードの直前で終わっていません (${tailStart})`,
      `The central directory (offset ${cdOffset}, ${cdSize} bytes) does not end where the end records start (${tailStart})`,
    );
  }
  if (cdSize > MAX_CENTRAL_BYTES) {
    throw problem(
      "ZIP_CENTRAL_TOO_LARGE",
      "central-directory",
      `中央ディレクトリが大きすぎます (${cdSize} バイト)`,
      `The central directory is too large (${cdSize} bytes)`,
    );
  }
  return { count, cdOffset, cdSize, tailStart };
}

function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

async function readCentral(file: FileHandle, end: EndInfo): Promise<ZipEntryRecord[]> {
  const cd = await readAt(file, end.cdOffset, end.cdSize);
  const records: ZipEntryRecord[] = [];
  let at = 0;
  for (let index = 0; index < end.count; index++) {
    const subject = `central-directory#${index + 1}`;
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) {
      throw problem(
        "ZIP_CENTRAL_HEADER",
        subject,
        `中央ディレクトリの ${index + 1} 番目のヘッダーがありません (位置 ${end.cdOffset + at})`,
        `Central directory header ${index + 1} is missing (offset ${end.cdOffset + at})`,
      );
    }
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const headerLength = 46 + nameLength + extraLength + cd.readUInt16LE(at + 32);
    const found = cd.subarray(at, at + headerLength);
    const record = await recordFromCentral(file, found, nameLength, extraLength, subject);
    const expected = buildCentralHeader(record);
    if (!found.equals(expected))
      throw mismatch(
        "ZIP_CENTRAL_HEADER",
        record.name,
        "中央ディレクトリのヘッダー",
        "central directory header",
        found,
        expected,
        CENTRAL_FIELDS,
        nameLength,
      );
    records.push(record);
    at += headerLength;
  }
  if (at !== cd.length) {
    throw problem(
      "ZIP_CENTRAL_LAYOUT",
      "central-directory",
      `中央ディレクトリに ${end.count} 件のエントリの後 ${cd.length - at} バイトの余分なデータがあります`,
      `${cd.length - at} bytes of extra data in the central directory after its ${end.count} entries`,
    );
  }
  return records;
}

async function recordFromCentral(
  file: FileHandle,
  header: Buffer,
  nameLength: number,
  extraLength: number,
  subject: string,
): Promise<ZipEntryRecord> {
  const nameBytes = header.subarray(46, 46 + nameLength);
  const name = nameBytes.toString("utf8");
  let compressedSize = header.readUInt32LE(20);
  let size = header.readUInt32LE(24);
  let localHeaderOffset = header.readUInt32LE(42);
  const extra = header.subarray(46 + nameLength, 46 + nameLength + extraLength);
  if (extra.length >= 28 && extra.readUInt16LE(0) === 1) {
    size = safeNumber(extra.readBigUInt64LE(4));
    compressedSize = safeNumber(extra.readBigUInt64LE(12));
    localHeaderOffset = safeNumber(extra.readBigUInt64LE(20));
  }
  const local = await readAt(file, localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) {
    throw problem(
      "ZIP_LOCAL_HEADER",
      name || subject,
      `${name || subject}: 中央ディレクトリが指す位置 ${localHeaderOffset} にローカルヘッダーがありません`,
      `${name || subject}: no local header at offset ${localHeaderOffset}, where the central directory points`,
    );
  }
  return {
    name,
    method: header.readUInt16LE(10) as 0 | 8,
    dosTime: header.readUInt16LE(12),
    dosDate: header.readUInt16LE(14),
    mode: header.readUInt32LE(38) >>> 16,
    crc32: header.readUInt32LE(16),
    compressedSize,
    size,
    localHeaderOffset,
    zip64: local.readUInt16LE(28) !== 0,
  };
}

function mismatch(
  code: string,
  name: string,
  ja: string,
  en: string,
  found: Buffer,
  expected: Buffer,
  fields: Parameters<typeof describeDifference>[2],
  nameLength: number,
): StructureError {
  const diff = describeDifference(found, expected, fields, nameLength);
  const field = diff?.field ?? { ja: "内容", en: "content" };
  return problem(
    code,
    name,
    `${name}: ${ja}の「${field.ja}」が他の記録と矛盾します (レコード内 ${diff?.offset ?? 0} バイト目)`,
    `${name}: the ${en}'s ${field.en} disagrees with the rest of the archive (byte ${diff?.offset ?? 0} of the record)`,
  );
}

async function checkLocalRecords(
  file: FileHandle,
  records: ZipEntryRecord[],
  cdOffset: number,
): Promise<void> {
  let expectedOffset = 0;
  for (const record of records) {
    if (record.localHeaderOffset !== expectedOffset) {
      const kind =
        record.localHeaderOffset > expectedOffset
          ? { ja: "隙間", en: "a gap" }
          : { ja: "重なり", en: "an overlap" };
      throw problem(
        "ZIP_LAYOUT",
        record.name,
        `${record.name}: エントリの間に${kind.ja}があります (位置 ${record.localHeaderOffset}、期待 ${expectedOffset})`,
        `${record.name}: ${kind.en} between entries (offset ${record.localHeaderOffset}, expected ${expectedOffset})`,
      );
    }
    const expectedLocal = buildLocalHeader(record);
    const local = await readAt(file, record.localHeaderOffset, expectedLocal.length);
    if (!local.equals(expectedLocal))
      throw mismatch(
        "ZIP_LOCAL_HEADER",
        record.name,
        "ローカルヘッダー",
        "local header",
        local,
        expectedLocal,
        LOCAL_FIELDS,
        Buffer.byteLength(record.name),
      );
    const descriptorAt = record.localHeaderOffset + expectedLocal.length + record.compressedSize;
    const expectedDescriptor = buildDataDescriptor(record);
    const descriptor = await readAt(file, descriptorAt, expectedDescriptor.length);
    if (!descriptor.equals(expectedDescriptor))
      throw mismatch(
        "ZIP_DATA_DESCRIPTOR",
        record.name,
        "データ記述子",
        "data descriptor",
        descriptor,
        expectedDescriptor,
        DESCRIPTOR_FIELDS,
        0,
      );
    expectedOffset = descriptorAt + expectedDescriptor.length;
  }
  if (expectedOffset !== cdOffset) {
    const kind = cdOffset > expectedOffset ? { ja: "隙間", en: "a gap" } : { ja: "重なり", en: "an overlap" };
    throw problem(
      "ZIP_LAYOUT",
      "central-directory",
      `最後のエントリと中央ディレクトリの間に${kind.ja}があります (${expectedOffset} → ${cdOffset})`,
      `${kind.en} between the last entry and the central directory (${expectedOffset} → ${cdOffset})`,
    );
  }
}

async function checkEntryData(
  zipPath: string,
  record: ZipEntryRecord,
  onBytes?: (count: number) => void,
): Promise<void> {
  if (record.method !== 0 && record.method !== 8) {
    throw problem(
      "ZIP_METHOD",
      record.name,
      `${record.name}: 未対応の圧縮方式 ${record.method}`,
      `${record.name}: unsupported compression method ${record.method}`,
    );
  }
  const start = record.localHeaderOffset + buildLocalHeader(record).length;
  let crc = 0;
  let size = 0;
  let consumed = record.compressedSize;
  if (record.compressedSize > 0) {
    const raw = createReadStream(zipPath, {
      start,
      end: start + record.compressedSize - 1,
      highWaterMark: 1024 * 1024,
    });
    const inflater = record.method === 8 ? createInflateRaw() : undefined;
    const data = inflater ? raw.pipe(inflater) : raw;
    raw.on("error", (error) => inflater?.destroy(error));
    try {
      for await (const chunk of data as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        onBytes?.(chunk.length);
        if (size > record.size) break; // lying size: stop inflating (zip-bomb safe)
      }
    } catch (error) {
      throw problem(
        "ZIP_DATA_CORRUPT",
        record.name,
        `${record.name}: データを展開できません (${String(error)})`,
        `${record.name}: the data cannot be decompressed (${String(error)})`,
      );
    } finally {
      raw.destroy();
    }
    if (inflater) consumed = inflater.bytesWritten;
  } else if (record.method === 8 && record.size > 0) {
    consumed = -1;
  }
  if (size !== record.size || consumed !== record.compressedSize) {
    throw problem(
      "ZIP_SIZE",
      record.name,
      `${record.name}: データのサイズが記録と異なります (展開 ${size} / 記録 ${record.size} バイト)`,
      `${record.name}: the data size differs from the record (${size} inflated, ${record.size} recorded)`,
    );
  }
  if (crc >>> 0 !== record.crc32 >>> 0) {
    throw problem(
      "ZIP_CRC",
      record.name,
      `${record.name}: CRC-32 が記録と一致しません`,
      `${record.name}: CRC-32 does not match the record`,
    );
  }
}
