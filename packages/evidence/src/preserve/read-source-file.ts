import { createHash, type Hash } from "node:crypto";
import type { BigIntStats } from "node:fs";
import { constants, type FileHandle, open } from "node:fs/promises";
import { getErrnoCode } from "../errors/evidence-error";
import type { ExtraHashAlgorithm, FileRecord } from "../manifest/manifest-types";
import { BufferPool } from "../util/buffer-pool";
import { formatNanoseconds } from "../util/format-time";
import type { ZipEntryRecord } from "../zip/zip-records";
import type { ZipWriter } from "../zip/zip-writer";

/** An error of the source (open/read), as opposed to the bundle (write); the file is listed, not fatal. */
export class SourceReadError extends Error {
  constructor(
    readonly errno: string | undefined,
    cause: unknown,
  ) {
    super(`source read failed: ${errno ?? String(cause)}`, { cause });
  }
}

/** Options of one file copy. */
export interface ReadSourceOptions {
  extraHashes: readonly ExtraHashAlgorithm[];
  compressionLevel: number;
  onBytes: (count: number) => void;
  signal?: AbortSignal;
  /** Read buffers of CHUNK bytes reused across files (see BufferPool); default: one per run of this call. */
  buffers?: BufferPool;
}

// 1 MiB blocks: large enough that per-block zlib set-up and sync-flush markers cost nothing.
export const READ_CHUNK_BYTES = 1024 * 1024;
const CHUNK = READ_CHUNK_BYTES;
// Formats that are compressed already: deflating them again costs CPU and gains nothing.
const STORED_EXTENSIONS =
  /\.(gz|tgz|zip|7z|xz|bz2|zst|lz4|rar|cab|jpe?g|png|gif|mp4|mkv|docx|xlsx|pptx|jar)$/i;
// ZIP64 in the local header for anything that could reach 4 GiB while we read it.
const ZIP64_THRESHOLD = 2 ** 31;

/**
 * Copies one source file into the bundle in a single read pass: hashes (SHA-256 and, on request,
 * SHA-1/MD5), CRC and deflate all consume the same chunks. Opened read-only with O_NOATIME where
 * the OS allows, so the access time the examiner records is the one before collection.
 */
export async function readSourceIntoZip(
  sourcePath: string,
  entryName: string,
  zip: ZipWriter,
  options: ReadSourceOptions,
): Promise<{ record: FileRecord; zipEntry: ZipEntryRecord }> {
  const { handle, noAtime } = await openReadOnly(sourcePath);
  const buffers = options.buffers ?? new BufferPool(CHUNK);
  try {
    const before = await handle.stat({ bigint: true });
    const hashes: Array<[string, Hash]> = [["sha256", createHash("sha256")]];
    for (const algorithm of options.extraHashes) hashes.push([algorithm, createHash(algorithm)]);
    async function* chunks(): AsyncGenerator<Buffer> {
      let position = 0;
      for (;;) {
        if (options.signal?.aborted) throw options.signal.reason;
        const buffer = buffers.acquire();
        let bytesRead: number;
        try {
          ({ bytesRead } = await handle.read(buffer, 0, CHUNK, position));
        } catch (error) {
          throw new SourceReadError(getErrnoCode(error), error);
        }
        if (bytesRead === 0) {
          buffers.release(buffer);
          return;
        }
        const chunk = bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead);
        for (const [, hash] of hashes) hash.update(chunk);
        position += bytesRead;
        options.onBytes(bytesRead);
        yield chunk;
      }
    }
    const zipEntry = await zip.addStream(entryName, chunks(), {
      compressionLevel: STORED_EXTENSIONS.test(entryName) ? 0 : options.compressionLevel,
      mtime: new Date(Number(before.mtimeMs)),
      mode: Number(before.mode),
      zip64: Number(before.size) >= ZIP64_THRESHOLD,
      release: (chunk) => buffers.release(chunk),
    });
    const after = await handle.stat({ bigint: true });
    const change = describeChange(before, after, zipEntry.size);
    const digests = Object.fromEntries(hashes.map(([name, hash]) => [name, hash.digest("hex")]));
    const record: FileRecord = {
      entryName,
      sourcePath,
      size: zipEntry.size,
      mtime: formatNanoseconds(before.mtimeNs),
      ctime: formatNanoseconds(before.ctimeNs),
      atime: formatNanoseconds(before.atimeNs),
      ...(before.birthtimeNs > 0n ? { birthtime: formatNanoseconds(before.birthtimeNs) } : {}),
      mode: Number(before.mode),
      sha256: digests.sha256 ?? "",
      ...(digests.sha1 ? { sha1: digests.sha1 } : {}),
      ...(digests.md5 ? { md5: digests.md5 } : {}),
      noAtime,
      changedWhileReading: change !== undefined,
      ...(change ? { changeDetail: change } : {}),
    };
    return { record, zipEntry };
  } finally {
    await handle.close();
  }
}

async function openReadOnly(sourcePath: string): Promise<{ handle: FileHandle; noAtime: boolean }> {
  const noAtimeFlag = constants.O_NOATIME ?? 0;
  try {
    if (noAtimeFlag)
      return { handle: await open(sourcePath, constants.O_RDONLY | noAtimeFlag), noAtime: true };
  } catch (error) {
    // O_NOATIME needs the file's owner or CAP_FOWNER (open(2)); fall back to a plain read-only open.
    if (getErrnoCode(error) !== "EPERM") throw new SourceReadError(getErrnoCode(error), error);
  }
  try {
    return { handle: await open(sourcePath, constants.O_RDONLY), noAtime: false };
  } catch (error) {
    throw new SourceReadError(getErrnoCode(error), error);
  }
}

function describeChange(before: BigIntStats, after: BigIntStats, bytesRead: number): string | undefined {
  const changes: string[] = [];
  if (before.size !== after.size) changes.push(`size ${before.size} -> ${after.size}`);
  if (BigInt(bytesRead) !== before.size) changes.push(`read ${bytesRead} bytes of ${before.size}`);
  if (before.mtimeNs !== after.mtimeNs)
    changes.push(`mtime ${formatNanoseconds(before.mtimeNs)} -> ${formatNanoseconds(after.mtimeNs)}`);
  if (before.ctimeNs !== after.ctimeNs)
    changes.push(`ctime ${formatNanoseconds(before.ctimeNs)} -> ${formatNanoseconds(after.ctimeNs)}`);
  return changes.length > 0 ? changes.join("; ") : undefined;
}
