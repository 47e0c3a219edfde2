import { open } from "node:fs/promises";
import { readChunk } from "./evtx-chunk-reader";
import { CHUNK_SIZE, FILE_HEADER_SIZE, hasChunkMagic, isEmptyChunk, parseFileHeader } from "./evtx-headers";
import type { EvtxFileHeader, EvtxProblem, EvtxRecord, ParseEvtxOptions } from "./evtx-types";

const DEFAULT_CHUNK_TIMEOUT_MS = 2000;
/** 16 chunks = 1 MiB per positional read: bounded memory, few syscalls. */
const CHUNKS_PER_READ = 16;

/**
 * Streams the records of an EVTX file chunk by chunk. One reused 1 MiB buffer and positional
 * reads keep memory bounded and make files over 2 GiB work. Chunks past the header's chunk
 * count are read too (a dirty log's header lags behind its chunks), as python-evtx does.
 * Problems (bad header checksum, undecodable records, gaps) go to `opts.onProblem`; the only
 * thrown error is a file that is not EVTX at all. Yields the records of each chunk together
 * (cheaper for bulk consumers than one await per record).
 */
export async function* parseEvtxChunks(
  path: string,
  opts: ParseEvtxOptions = {},
): AsyncGenerator<EvtxRecord[]> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const buf = Buffer.allocUnsafe(FILE_HEADER_SIZE);
    const { bytesRead } = await handle.read(buf, 0, FILE_HEADER_SIZE, 0);
    const header = parseFileHeader(buf.subarray(0, bytesRead));
    const report = (p: EvtxProblem) => opts.onProblem?.(p);
    if (!header.checksumOk)
      report({
        kind: "file-header",
        offset: 0,
        reason: "ファイルヘッダーのチェックサム不一致 / file header checksum mismatch",
      });
    const timeout = opts.chunkTimeoutMs ?? DEFAULT_CHUNK_TIMEOUT_MS;
    // Read several chunks per call (fewer syscalls); each chunk is decoded from a view of the
    // reused buffer and its records are plain objects, so nothing points into the buffer later.
    // Sized to the file when it is smaller: a run over hundreds of small files otherwise leaves
    // hundreds of 1 MiB buffers for the garbage collector (tens of MB of RSS).
    const chunks = Math.max(1, Math.min(CHUNKS_PER_READ, Math.ceil((size - FILE_HEADER_SIZE) / CHUNK_SIZE)));
    const batch = Buffer.allocUnsafe(CHUNK_SIZE * chunks);
    let got = 0;
    let batchStart = FILE_HEADER_SIZE;
    for (let index = 0, offset = FILE_HEADER_SIZE; offset < size; index++, offset += CHUNK_SIZE) {
      if (offset >= batchStart + got) {
        batchStart = offset;
        got = (await handle.read(batch, 0, batch.length, offset)).bytesRead;
      }
      const view = batch.subarray(offset - batchStart, Math.min(offset - batchStart + CHUNK_SIZE, got));
      const length = view.length;
      opts.onProgress?.(offset + length, size);
      if (length < 512) {
        if (!isEmptyChunk(view, length))
          report({
            kind: "chunk-header",
            offset,
            chunkIndex: index,
            reason: `末尾の不完全なチャンク (${length} bytes) / truncated trailing chunk`,
          });
        break;
      }
      if (!hasChunkMagic(view)) {
        if (!isEmptyChunk(view, length))
          report({
            kind: "chunk-header",
            offset,
            chunkIndex: index,
            reason: "チャンク署名なし / no ElfChnk signature",
          });
        continue;
      }
      const result = readChunk(view, length, index, offset, Date.now() + timeout);
      for (const p of result.problems) report(p);
      reportGaps(result.header, result.records, index, offset, report);
      if (result.records.length > 0) yield result.records;
    }
  } finally {
    await handle.close();
  }
}

/** Record by record: the same stream as {@link parseEvtxChunks}, flattened. */
export async function* parseEvtxFile(path: string, opts: ParseEvtxOptions = {}): AsyncGenerator<EvtxRecord> {
  for await (const records of parseEvtxChunks(path, opts)) yield* records;
}

function reportGaps(
  header: { firstRecordId: number; lastRecordId: number; headerChecksumOk: boolean },
  records: EvtxRecord[],
  chunkIndex: number,
  offset: number,
  report: (p: EvtxProblem) => void,
): void {
  if (!header.headerChecksumOk || header.lastRecordId < header.firstRecordId) return;
  const expected = header.lastRecordId - header.firstRecordId + 1;
  // Live records only: slack-space records may carry numbers in the same range.
  const inRange = records.filter(
    (r) => !r.recovered && r.recordId >= header.firstRecordId && r.recordId <= header.lastRecordId,
  ).length;
  if (inRange < expected) {
    report({
      kind: "record-gap",
      offset,
      chunkIndex,
      reason: `チャンクヘッダー上 ${expected} 件、復号 ${inRange} 件 / header declares ${expected} records, decoded ${inRange}`,
    });
  }
}

/** Reads only the file header (for quick checks and progress estimates). */
export async function readEvtxFileHeader(path: string): Promise<EvtxFileHeader> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(FILE_HEADER_SIZE);
    const { bytesRead } = await handle.read(buf, 0, FILE_HEADER_SIZE, 0);
    return parseFileHeader(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
