import { computeCrc32 } from "./crc32";
import type { EvtxFileHeader } from "./evtx-types";

/** Size of the file header block and of one chunk (libevtx "Windows XML Event Log format", §2, §3). */
export const FILE_HEADER_SIZE = 4096;
export const CHUNK_SIZE = 65536;
/** Records start after the 128-byte chunk header + 64 common-string offsets + 32 template offsets. */
export const CHUNK_RECORDS_START = 512;

const FILE_MAGIC = "ElfFile\0";
const CHUNK_MAGIC = "ElfChnk\0";

/** Chunk header fields that matter for decoding and validation. */
export interface ChunkHeader {
  firstRecordNumber: number;
  lastRecordNumber: number;
  firstRecordId: number;
  lastRecordId: number;
  lastRecordOffset: number;
  freeSpaceOffset: number;
  headerChecksumOk: boolean;
  dataChecksumOk: boolean;
}

/** Reads a little-endian u64 as a JS number (exact below 2^53; record ids never get near). */
export function readU64(buf: Buffer, off: number): number {
  return buf.readUInt32LE(off) + buf.readUInt32LE(off + 4) * 4294967296;
}

/** Parses the 4096-byte file header, or throws with a clear reason when it is not an EVTX file. */
export function parseFileHeader(buf: Buffer): EvtxFileHeader {
  if (buf.length < 128 || buf.toString("latin1", 0, 8) !== FILE_MAGIC) {
    throw new Error(
      "EVTX ファイルではありません（ElfFile シグネチャなし） / not an EVTX file (no ElfFile signature)",
    );
  }
  const flags = buf.readUInt32LE(120);
  return {
    firstChunkNumber: readU64(buf, 8),
    lastChunkNumber: readU64(buf, 16),
    nextRecordId: readU64(buf, 24),
    minorVersion: buf.readUInt16LE(36),
    majorVersion: buf.readUInt16LE(38),
    chunkCount: buf.readUInt16LE(42),
    isDirty: (flags & 1) !== 0,
    isFull: (flags & 2) !== 0,
    // Checksum covers the first 120 bytes of the header.
    checksumOk: computeCrc32(buf, 0, 120) === buf.readUInt32LE(124),
  };
}

/** True when the buffer at `off` starts with the chunk signature. */
export function hasChunkMagic(buf: Buffer, off = 0): boolean {
  return buf.toString("latin1", off, off + 8) === CHUNK_MAGIC;
}

/** True when a whole chunk is zero-filled (pre-allocated, never written): not an error. */
export function isEmptyChunk(buf: Buffer, length: number): boolean {
  for (let i = 0; i < Math.min(length, 512); i++) if (buf[i] !== 0) return false;
  return true;
}

/**
 * Parses a chunk header. The header checksum covers bytes 0–120 and 128–512; the data checksum
 * covers the records from 512 up to the free-space offset (libevtx §3.1).
 */
export function parseChunkHeader(buf: Buffer, length: number): ChunkHeader {
  const freeSpaceOffset = buf.readUInt32LE(48);
  const headerCrc = computeCrc32(buf, 128, CHUNK_RECORDS_START, computeCrc32(buf, 0, 120));
  const dataEnd = Math.min(freeSpaceOffset, length);
  const dataOk =
    dataEnd >= CHUNK_RECORDS_START &&
    computeCrc32(buf, CHUNK_RECORDS_START, dataEnd) === buf.readUInt32LE(52);
  return {
    firstRecordNumber: readU64(buf, 8),
    lastRecordNumber: readU64(buf, 16),
    firstRecordId: readU64(buf, 24),
    lastRecordId: readU64(buf, 32),
    lastRecordOffset: buf.readUInt32LE(44),
    freeSpaceOffset,
    headerChecksumOk: headerCrc === buf.readUInt32LE(124),
    dataChecksumOk: dataOk,
  };
}
