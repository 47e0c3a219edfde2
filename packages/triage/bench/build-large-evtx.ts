import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { computeCrc32 } from "../src/evtx/crc32";
import { CHUNK_SIZE, FILE_HEADER_SIZE, hasChunkMagic, parseChunkHeader } from "../src/evtx/evtx-headers";

/**
 * Builds a large EVTX file from real chunks of the corpus, repeated in order until `targetBytes`.
 * Each chunk is self-contained (its own string and template tables), so copying whole chunks
 * gives a valid log; the file header is rewritten with the chunk count, chunk numbers and a
 * fresh CRC-32 so that every parser accepts it.
 */
export function buildLargeEvtx(
  sourceFiles: string[],
  target: string,
  targetBytes: number,
): { chunks: number; records: number; bytes: number } {
  const chunks: Array<{ data: Buffer; records: number }> = [];
  for (const file of sourceFiles) {
    const buf = readFileSync(file);
    for (let off = FILE_HEADER_SIZE; off + CHUNK_SIZE <= buf.length; off += CHUNK_SIZE) {
      const data = buf.subarray(off, off + CHUNK_SIZE);
      if (!hasChunkMagic(data)) continue;
      const h = parseChunkHeader(data, CHUNK_SIZE);
      if (!h.headerChecksumOk || !h.dataChecksumOk) continue;
      chunks.push({ data, records: h.lastRecordNumber - h.firstRecordNumber + 1 });
    }
  }
  if (chunks.length === 0) throw new Error("no usable chunks");
  const count = Math.ceil((targetBytes - FILE_HEADER_SIZE) / CHUNK_SIZE);
  if (count > 0xffff) throw new Error("EVTX headers count chunks in 16 bits: at most 65535 chunks (4 GiB)");
  const fd = openSync(target, "w");
  let records = 0;
  try {
    const header = Buffer.alloc(FILE_HEADER_SIZE);
    header.write("ElfFile\0", 0, "latin1");
    header.writeBigUInt64LE(0n, 8); // first chunk number
    header.writeBigUInt64LE(BigInt(count - 1), 16); // last chunk number
    header.writeUInt32LE(128, 32); // header size
    header.writeUInt16LE(1, 36); // minor version
    header.writeUInt16LE(3, 38); // major version
    header.writeUInt16LE(FILE_HEADER_SIZE, 40);
    header.writeUInt16LE(count, 42);
    writeSync(fd, header, 0, FILE_HEADER_SIZE, 0);
    for (let i = 0; i < count; i++) {
      const chunk = chunks[i % chunks.length] as { data: Buffer; records: number };
      records += chunk.records;
      writeSync(fd, chunk.data, 0, CHUNK_SIZE, FILE_HEADER_SIZE + i * CHUNK_SIZE);
    }
    header.writeBigUInt64LE(BigInt(records + 1), 24); // next record id
    header.writeUInt32LE(computeCrc32(header, 0, 120), 124);
    writeSync(fd, header, 0, 128, 0);
  } finally {
    closeSync(fd);
  }
  return { chunks: count, records, bytes: FILE_HEADER_SIZE + count * CHUNK_SIZE };
}
