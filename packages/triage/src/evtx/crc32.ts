import { crc32 } from "node:zlib";

/**
 * CRC-32 (IEEE 802.3), as used by EVTX file and chunk header checksums. Uses zlib's native
 * implementation (Node >= 20.15); `previous` chains ranges.
 */
export function computeCrc32(buf: Uint8Array, start: number, end: number, previous = 0): number {
  return crc32(buf.subarray(start, end), previous) >>> 0;
}
