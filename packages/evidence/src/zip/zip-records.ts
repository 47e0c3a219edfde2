// ZIP structures per PKWARE APPNOTE.TXT 6.3.10: §4.3.7 local header, §4.3.9 data descriptor,
// §4.3.12 central directory header, §4.3.14–16 ZIP64 end records, §4.5.3 ZIP64 extra field.

/** What the central directory needs to know about one written entry. */
export interface ZipEntryRecord {
  name: string;
  method: 0 | 8;
  dosTime: number;
  dosDate: number;
  mode: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** The local header carried a ZIP64 extra field, so the data descriptor has 8-byte sizes. */
  zip64: boolean;
}

const FLAGS = 0x0008 | 0x0800; // bit 3: sizes in data descriptor; bit 11: UTF-8 names
const MAX32 = 0xffffffff;
const VERSION_MADE_BY = (3 << 8) | 63; // Unix, spec 6.3

/** Local file header; sizes are 0 (ZIP64: 0xFFFFFFFF + zero extra) because they follow the data. */
export function buildLocalHeader(
  entry: Pick<ZipEntryRecord, "name" | "method" | "dosTime" | "dosDate" | "zip64">,
): Buffer {
  const name = Buffer.from(entry.name, "utf8");
  const extra = entry.zip64 ? buildZip64Extra([0, 0]) : Buffer.alloc(0);
  const b = Buffer.alloc(30 + name.length + extra.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(entry.method, 8);
  b.writeUInt16LE(entry.dosTime, 10);
  b.writeUInt16LE(entry.dosDate, 12);
  b.writeUInt32LE(0, 14);
  b.writeUInt32LE(entry.zip64 ? MAX32 : 0, 18);
  b.writeUInt32LE(entry.zip64 ? MAX32 : 0, 22);
  b.writeUInt16LE(name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  name.copy(b, 30);
  extra.copy(b, 30 + name.length);
  return b;
}

/** Data descriptor with signature; 8-byte sizes when the local header announced ZIP64. */
export function buildDataDescriptor(entry: ZipEntryRecord): Buffer {
  const b = Buffer.alloc(entry.zip64 ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(entry.crc32 >>> 0, 4);
  if (entry.zip64) {
    b.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
    b.writeBigUInt64LE(BigInt(entry.size), 16);
  } else {
    b.writeUInt32LE(entry.compressedSize, 8);
    b.writeUInt32LE(entry.size, 12);
  }
  return b;
}

/** Central directory header; ZIP64 extra holds all three large fields when any needs it. */
export function buildCentralHeader(entry: ZipEntryRecord): Buffer {
  const name = Buffer.from(entry.name, "utf8");
  const big =
    entry.zip64 || entry.size >= MAX32 || entry.compressedSize >= MAX32 || entry.localHeaderOffset >= MAX32;
  const extra = big
    ? buildZip64Extra([entry.size, entry.compressedSize, entry.localHeaderOffset])
    : Buffer.alloc(0);
  const b = Buffer.alloc(46 + name.length + extra.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(big ? 45 : 20, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(entry.method, 10);
  b.writeUInt16LE(entry.dosTime, 12);
  b.writeUInt16LE(entry.dosDate, 14);
  b.writeUInt32LE(entry.crc32 >>> 0, 16);
  b.writeUInt32LE(big ? MAX32 : entry.compressedSize, 20);
  b.writeUInt32LE(big ? MAX32 : entry.size, 24);
  b.writeUInt16LE(name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt16LE(0, 32); // comment length
  b.writeUInt16LE(0, 34); // disk number start
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE(((entry.mode & 0xffff) << 16) >>> 0, 38);
  b.writeUInt32LE(big ? MAX32 : entry.localHeaderOffset, 42);
  name.copy(b, 46);
  extra.copy(b, 46 + name.length);
  return b;
}

/** End records; ZIP64 end record + locator when counts or offsets overflow the classic fields. */
export function buildEndRecords(entryCount: number, cdOffset: number, cdSize: number): Buffer {
  const needs64 = entryCount >= 0xffff || cdOffset >= MAX32 || cdSize >= MAX32;
  const parts: Buffer[] = [];
  if (needs64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(VERSION_MADE_BY, 12);
    z.writeUInt16LE(45, 14);
    z.writeUInt32LE(0, 16);
    z.writeUInt32LE(0, 20);
    z.writeBigUInt64LE(BigInt(entryCount), 24);
    z.writeBigUInt64LE(BigInt(entryCount), 32);
    z.writeBigUInt64LE(BigInt(cdSize), 40);
    z.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(z, locator);
  }
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(needs64 ? 0xffff : entryCount, 8);
  e.writeUInt16LE(needs64 ? 0xffff : entryCount, 10);
  e.writeUInt32LE(needs64 ? MAX32 : cdSize, 12);
  e.writeUInt32LE(needs64 ? MAX32 : cdOffset, 16);
  parts.push(e);
  return Buffer.concat(parts);
}

function buildZip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + values.length * 8);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(values.length * 8, 2);
  values.forEach((v, i) => {
    b.writeBigUInt64LE(BigInt(v), 4 + i * 8);
  });
  return b;
}

/** MS-DOS date and time (local time, 2-second resolution, 1980–2107) for the ZIP headers. */
export function toDosDateTime(date: Date): { dosDate: number; dosTime: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  const clamped = year !== date.getFullYear();
  const dosDate =
    ((year - 1980) << 9) | ((clamped ? 1 : date.getMonth() + 1) << 5) | (clamped ? 1 : date.getDate());
  const dosTime = clamped ? 0 : (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  return { dosDate, dosTime };
}
