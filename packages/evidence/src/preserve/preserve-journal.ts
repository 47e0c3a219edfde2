import { createHash } from "node:crypto";
import { appendFile, type FileHandle, readFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createInflateRaw } from "node:zlib";
import type { CollectorInfo } from "../collect/collector-info";
import { getErrnoCode } from "../errors/evidence-error";
import type { FileRecord } from "../manifest/manifest-types";
import { buildDataDescriptor, buildLocalHeader, type ZipEntryRecord } from "../zip/zip-records";

/** First journal line: what the run was asked to do, so a resume cannot mix two different runs. */
export interface JournalHeader {
  type: "header";
  caseId: string;
  examiner: string;
  inputs: string[];
  hashAlgorithms: string[];
  compressionLevel: number;
  startedAt: string;
  collector: CollectorInfo;
}

/** One completed file: its manifest record and where its ZIP entry lies in the partial archive. */
export interface JournalFile {
  type: "file";
  record: FileRecord;
  zip: ZipEntryRecord;
  endOffset: number;
}

/** A later run picked the work up again. */
export interface JournalResume {
  type: "resume";
  at: string;
}

export type JournalLine = JournalHeader | JournalFile | JournalResume;

/**
 * Append-only journal `<out>.journal` (JSON lines). A line is appended only after its entry's bytes
 * were written; a torn last line (crash mid-write) is ignored on reading.
 */
export async function appendJournal(journalPath: string, line: JournalLine): Promise<void> {
  await appendFile(journalPath, `${JSON.stringify(line)}\n`);
}

/** Reads a journal; undefined when there is none. */
export async function readJournal(journalPath: string): Promise<JournalLine[] | undefined> {
  let text: string;
  try {
    text = await readFile(journalPath, "utf8");
  } catch (error) {
    if (getErrnoCode(error) === "ENOENT") return undefined;
    throw error;
  }
  const lines: JournalLine[] = [];
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") continue;
    try {
      lines.push(JSON.parse(raw) as JournalLine);
    } catch {
      break; // torn write at the moment of interruption: everything after it is unknown
    }
  }
  return lines;
}

/**
 * Re-reads each journaled entry from the partial archive (local header bytes, then the data,
 * inflated and hashed) and keeps the longest prefix that checks out. Data written but not yet
 * flushed when the machine lost power fails here and is simply read again from the source.
 */
export async function keepVerifiedPrefix(
  partial: FileHandle,
  files: readonly JournalFile[],
): Promise<JournalFile[]> {
  const kept: JournalFile[] = [];
  let expectedOffset = 0;
  for (const file of files) {
    if (file.zip.localHeaderOffset !== expectedOffset) break;
    if (!(await isEntryIntact(partial, file))) break;
    kept.push(file);
    expectedOffset = file.endOffset;
  }
  return kept;
}

async function isEntryIntact(partial: FileHandle, file: JournalFile): Promise<boolean> {
  const header = buildLocalHeader(file.zip);
  const onDisk = Buffer.alloc(header.length);
  const { bytesRead } = await partial.read(onDisk, 0, header.length, file.zip.localHeaderOffset);
  if (bytesRead !== header.length || !onDisk.equals(header)) return false;
  const dataStart = file.zip.localHeaderOffset + header.length;
  const hash = createHash("sha256");
  let size = 0;
  const consume = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
    }
  };
  if (file.zip.compressedSize > 0) {
    const stream = partial.createReadStream({
      start: dataStart,
      end: dataStart + file.zip.compressedSize - 1,
      autoClose: false,
    });
    try {
      if (file.zip.method === 8) await pipeline(stream, createInflateRaw(), consume);
      else await pipeline(stream, consume);
    } catch {
      return false;
    }
  }
  if (size !== file.zip.size || hash.digest("hex") !== file.record.sha256) return false;
  // The data descriptor must be on disk too, or the next entry would follow a hole.
  const descriptor = buildDataDescriptor(file.zip);
  const descriptorOnDisk = Buffer.alloc(descriptor.length);
  const descriptorAt = dataStart + file.zip.compressedSize;
  const read = await partial.read(descriptorOnDisk, 0, descriptor.length, descriptorAt);
  return (
    read.bytesRead === descriptor.length &&
    descriptorOnDisk.equals(descriptor) &&
    descriptorAt + descriptor.length === file.endOffset
  );
}
