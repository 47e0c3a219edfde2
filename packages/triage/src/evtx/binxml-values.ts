/**
 * Decoding of BinXML substitution value types (libevtx "Windows XML Event Log format" §4.4 /
 * MS-EVEN6 2.2.18 "Value type"). Values are rendered as Windows' own XML view renders them:
 * GUIDs upper-case in braces, HexInt as 0x…, FILETIME as ISO 8601 with 100 ns digits.
 */

/** Value type codes that callers need by name. */
export const VALUE_TYPE = {
  null: 0x00,
  string: 0x01,
  binXml: 0x21,
  arrayFlag: 0x80,
} as const;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, "0"));

/** Formats a FILETIME (100 ns ticks since 1601-01-01) given as two u32 halves. */
export function formatFiletime(low: number, high: number): string {
  // 2^32 = 429 × 10^7 + 4967296: exact integer arithmetic without BigInt while the remainder
  // stays below 2^53 (true for every date before the year 30000).
  let seconds: number;
  let fraction: number;
  if (high < 1_000_000_000) {
    const rest = high * 4967296 + low;
    seconds = high * 429 + Math.floor(rest / 10_000_000);
    fraction = rest % 10_000_000;
  } else {
    const ticks = BigInt(high) * 4294967296n + BigInt(low);
    seconds = Number(ticks / 10000000n);
    fraction = Number(ticks % 10000000n);
  }
  // 11644473600 s between 1601-01-01 and 1970-01-01.
  const date = new Date((seconds - 11644473600) * 1000);
  if (Number.isNaN(date.getTime())) return `filetime:${high}:${low}`;
  return `${date.toISOString().slice(0, 19)}.${fraction.toString().padStart(7, "0")}Z`;
}

function formatGuid(buf: Buffer, off: number): string {
  const d1 = buf.readUInt32LE(off).toString(16).padStart(8, "0");
  const d2 = buf
    .readUInt16LE(off + 4)
    .toString(16)
    .padStart(4, "0");
  const d3 = buf
    .readUInt16LE(off + 6)
    .toString(16)
    .padStart(4, "0");
  let d4 = "";
  let d5 = "";
  for (let i = 8; i < 10; i++) d4 += HEX[buf[off + i] as number];
  for (let i = 10; i < 16; i++) d5 += HEX[buf[off + i] as number];
  return `{${d1}-${d2}-${d3}-${d4}-${d5}}`.toUpperCase();
}

function formatSid(buf: Buffer, off: number, size: number): string {
  const revision = buf[off] as number;
  const count = buf[off + 1] as number;
  if (size < 8 + count * 4) throw new Error(`SID too short (${size} bytes for ${count} sub-authorities)`);
  const authority = buf.readUIntBE(off + 2, 6);
  let sid = `S-${revision}-${authority}`;
  for (let i = 0; i < count; i++) sid += `-${buf.readUInt32LE(off + 8 + i * 4)}`;
  return sid;
}

function formatSystemtime(buf: Buffer, off: number): string {
  const p = (n: number, w = 2) => n.toString().padStart(w, "0");
  const [y, mo, , d, h, mi, s, ms] = [0, 2, 4, 6, 8, 10, 12, 14].map((o) =>
    buf.readUInt16LE(off + o),
  ) as number[];
  return `${p(y as number, 4)}-${p(mo as number)}-${p(d as number)}T${p(h as number)}:${p(mi as number)}:${p(s as number)}.${p(ms as number, 3)}Z`;
}

function formatHex(buf: Buffer, off: number, size: number): string {
  if (size === 4) return `0x${buf.readUInt32LE(off).toString(16)}`;
  if (size === 8) return `0x${buf.readBigUInt64LE(off).toString(16)}`;
  throw new Error(`hex integer of size ${size}`);
}

/** Fixed element sizes, for arrays of fixed-size types. */
const FIXED_SIZE: Record<number, number> = {
  3: 1,
  4: 1,
  5: 2,
  6: 2,
  7: 4,
  8: 4,
  9: 8,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  15: 16,
  17: 8,
  18: 16,
  20: 4,
  21: 8,
};

function stripNulls(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Decodes one scalar value of `type` stored in `buf[off, off+size)`. Throws on malformed data;
 * BinXML values (0x21) are decoded by the caller, which needs the chunk context.
 */
export function decodeScalar(buf: Buffer, off: number, size: number, type: number): string {
  switch (type) {
    case 0x00:
      return "";
    case 0x01:
      return stripNulls(buf.toString("utf16le", off, off + (size & ~1)));
    case 0x02:
      return stripNulls(buf.toString("latin1", off, off + size));
    case 0x03:
      return String(buf.readInt8(off));
    case 0x04:
      return String(buf[off]);
    case 0x05:
      return String(buf.readInt16LE(off));
    case 0x06:
      return String(buf.readUInt16LE(off));
    case 0x07:
      return String(buf.readInt32LE(off));
    case 0x08:
      return String(buf.readUInt32LE(off));
    case 0x09:
      return buf.readBigInt64LE(off).toString();
    case 0x0a:
      return buf.readBigUInt64LE(off).toString();
    case 0x0b:
      return String(buf.readFloatLE(off));
    case 0x0c:
      return String(buf.readDoubleLE(off));
    case 0x0d:
      return buf.readUInt32LE(off) !== 0 ? "true" : "false";
    case 0x0e: {
      let s = "";
      for (let i = off; i < off + size; i++) s += HEX[buf[i] as number];
      return s;
    }
    case 0x0f:
      return formatGuid(buf, off);
    case 0x10:
    case 0x14:
    case 0x15:
      return formatHex(buf, off, size);
    case 0x11:
      return formatFiletime(buf.readUInt32LE(off), buf.readUInt32LE(off + 4));
    case 0x12:
      return formatSystemtime(buf, off);
    case 0x13:
      return formatSid(buf, off, size);
    case 0x20:
    case 0x23:
      return stripNulls(buf.toString("utf16le", off, off + (size & ~1)));
    default:
      throw new Error(`unknown value type 0x${type.toString(16)}`);
  }
}

/** Decodes an array value (type | 0x80) into its items. */
export function decodeArrayItems(buf: Buffer, off: number, size: number, type: number): string[] {
  if (off + size > buf.length) throw new Error(`value of ${size} bytes runs past the chunk`);
  const base = type & 0x7f;
  if (base === 0x01 || base === 0x02) {
    // String arrays are NUL-terminated strings back to back.
    const parts = buf
      .toString(base === 0x01 ? "utf16le" : "latin1", off, off + (base === 0x01 ? size & ~1 : size))
      .split("\0");
    if (parts.at(-1) === "") parts.pop();
    return parts;
  }
  const width = base === 0x10 ? (size % 8 === 0 ? 8 : 4) : FIXED_SIZE[base];
  if (!width) throw new Error(`unsupported array type 0x${type.toString(16)}`);
  const parts: string[] = [];
  for (let p = off; p + width <= off + size; p += width) parts.push(decodeScalar(buf, p, width, base));
  return parts;
}

/** Decodes a value into text; arrays (type | 0x80) are joined with commas. */
export function decodeValue(buf: Buffer, off: number, size: number, type: number): string {
  if (off + size > buf.length) throw new Error(`value of ${size} bytes runs past the chunk`);
  if ((type & VALUE_TYPE.arrayFlag) === 0) return decodeScalar(buf, off, size, type);
  return decodeArrayItems(buf, off, size, type).join(",");
}
