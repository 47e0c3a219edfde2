import { BinXmlError, ChunkDecoder } from "./binxml-decoder";
import { resolveNodes } from "./binxml-resolver";
import { formatFiletime } from "./binxml-values";
import { CHUNK_RECORDS_START, type ChunkHeader, parseChunkHeader, readU64 } from "./evtx-headers";
import type { EvtxProblem, EvtxRecord, XmlElement } from "./evtx-types";

const RECORD_MAGIC = 0x00002a2a;

/** Result of decoding one chunk: records in order plus the problems met. */
export interface ChunkResult {
  header: ChunkHeader;
  records: EvtxRecord[];
  problems: EvtxProblem[];
}

/**
 * Decodes every record of one chunk. A record that fails is reported with its offset and reason
 * and decoding resumes at the next record signature, so one bad record never hides the rest.
 * The deadline bounds wall-clock time per chunk for hostile input.
 */
export function readChunk(
  buf: Buffer,
  length: number,
  chunkIndex: number,
  fileOffset: number,
  deadlineMs: number,
): ChunkResult {
  const header = parseChunkHeader(buf, length);
  const problems: EvtxProblem[] = [];
  const records: EvtxRecord[] = [];
  const report = (kind: EvtxProblem["kind"], at: number, reason: string, recordId?: number) =>
    problems.push({
      kind,
      offset: fileOffset + at,
      chunkIndex,
      reason,
      ...(recordId !== undefined ? { recordId } : {}),
    });
  if (!header.headerChecksumOk)
    report("chunk-checksum", 0, "チャンクヘッダーのチェックサム不一致 / chunk header checksum mismatch");
  if (!header.dataChecksumOk)
    report(
      "chunk-checksum",
      0,
      "レコード領域のチェックサム不一致（ダーティまたは破損） / record data checksum mismatch (dirty or damaged chunk)",
    );
  // A damaged free-space offset must not stop recovery: scan the whole chunk then.
  const end =
    header.freeSpaceOffset >= CHUNK_RECORDS_START && header.freeSpaceOffset <= length
      ? header.freeSpaceOffset
      : length;
  const decoder = new ChunkDecoder(buf, length, deadlineMs);
  let pos = CHUNK_RECORDS_START;
  let step = 0;
  while (pos + 28 <= end) {
    if ((++step & 63) === 0 && Date.now() > deadlineMs) {
      report("timeout", pos, "チャンクの処理時間が上限を超えたため中断 / chunk time limit exceeded");
      break;
    }
    if (buf.readUInt32LE(pos) !== RECORD_MAGIC) {
      const next = findNextRecord(buf, pos + 1, end);
      report(
        "record",
        pos,
        `レコード署名なし、${next < 0 ? "以降なし" : `0x${(fileOffset + next).toString(16)} から再開`} / no record signature here`,
      );
      if (next < 0) break;
      pos = next;
      continue;
    }
    const size = buf.readUInt32LE(pos + 4);
    const recordId = readU64(buf, pos + 8);
    if (size < 28 || pos + size > length || buf.readUInt32LE(pos + size - 4) !== size) {
      report("record", pos, `レコード長が不正 (${size}) / invalid record size`, recordId);
      const next = findNextRecord(buf, pos + 4, end);
      if (next < 0) break;
      pos = next;
      continue;
    }
    try {
      records.push(decodeRecord(decoder, buf, pos, size, recordId, chunkIndex, fileOffset));
    } catch (error) {
      const reason = error instanceof BinXmlError || error instanceof Error ? error.message : String(error);
      report("record", pos, `BinXML を復号できません: ${reason} / cannot decode BinXML`, recordId);
    }
    pos += size;
  }
  if (Date.now() <= deadlineMs)
    records.push(...recoverSlackRecords(decoder, buf, Math.max(pos, end), length, chunkIndex, fileOffset));
  return { header, records, problems };
}

/**
 * Records left in the chunk's slack space (after the free-space offset): when a log is cleared
 * or a chunk rewritten, the old records stay there until overwritten, and after a clearing they
 * are often all that is left. A candidate needs the record signature and the same size at both
 * ends (as libevtx's recovery does); it is decoded with the chunk's own templates and strings and
 * marked `recovered`. Fragments that do not decode are slack noise and are skipped silently.
 */
function recoverSlackRecords(
  decoder: ChunkDecoder,
  buf: Buffer,
  from: number,
  length: number,
  chunkIndex: number,
  fileOffset: number,
): EvtxRecord[] {
  const out: EvtxRecord[] = [];
  decoder.strictSlack = true;
  let pos = findNextRecord(buf, from, length);
  while (pos >= 0) {
    const size = buf.readUInt32LE(pos + 4);
    let next = pos + 1;
    if (size >= 28 && pos + size <= length && buf.readUInt32LE(pos + size - 4) === size) {
      try {
        const record = decodeRecord(decoder, buf, pos, size, readU64(buf, pos + 8), chunkIndex, fileOffset);
        out.push({ ...record, recovered: true });
        next = pos + size;
      } catch {
        // Partly overwritten record: nothing trustworthy to show.
      }
    }
    pos = findNextRecord(buf, next, length);
  }
  return out;
}

function decodeRecord(
  decoder: ChunkDecoder,
  buf: Buffer,
  pos: number,
  size: number,
  recordId: number,
  chunkIndex: number,
  fileOffset: number,
): EvtxRecord {
  const nodes = decoder.parseFragment(pos + 24, pos + size - 4);
  const root = resolveNodes(decoder, nodes, null).find((n): n is XmlElement => typeof n !== "string");
  if (!root) throw new Error("record has no root element");
  return {
    recordId,
    writtenAt: formatFiletime(buf.readUInt32LE(pos + 16), buf.readUInt32LE(pos + 20)),
    chunkIndex,
    offset: fileOffset + pos,
    root,
  };
}

function findNextRecord(buf: Buffer, from: number, end: number): number {
  for (let p = from; p + 28 <= end; p++) {
    if (buf[p] === 0x2a && buf[p + 1] === 0x2a && buf[p + 2] === 0 && buf[p + 3] === 0) return p;
  }
  return -1;
}
