import { createHash, type Hash } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@sonae/core";
import { type DbHandle, streamDatabaseDump } from "@sonae/db";
import { BufferPool, syncDir, vaultBundlePath, ZipWriter } from "@sonae/evidence";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchivedFile,
  type BackupManifest,
  bundleEntryName,
  DATABASE_ENTRY,
  dataDirPathOf,
  formatSha256Sums,
  MANIFEST_ENTRY,
  SUMS_ENTRY,
  triageEntryName,
} from "./backup-manifest";

/** Progress of a long copy (the shape the evidence progress reporter draws). */
export type CopyProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentPath: string;
};

export type BackupOptions = {
  /** The data folder whose `evidence/` vault the database refers to. */
  dataDir: string;
  onProgress?: (progress: CopyProgress) => void;
};

export type BackupSummary = {
  file: string;
  createdAt: string;
  tables: Record<string, number>;
  evidenceBundles: number;
  triageRuns: number;
  bytes: number;
};

const CHUNK = 1024 * 1024;
const ZIP64_THRESHOLD = 2 ** 31;

/**
 * Writes one complete backup: the database dump and every vault file it refers to, in one ZIP64
 * archive (layout: backup-manifest.ts) with a manifest of SHA-256s.
 *
 * Consistency: the dump reads one snapshot and lists, in that same snapshot, the vault files its
 * rows refer to; the files are copied afterwards. That is consistent because the vault is
 * write-once and content-addressed: a bundle is linked into place (mode 0444) before its row
 * commits and its name is its SHA-256, so the bytes a snapshot refers to can neither change nor be
 * replaced; a triage events file is closed before its run is marked done and never rewritten.
 * Files added after the snapshot are simply not referenced, so not copied. Every copied bundle is
 * re-hashed against its name, so a damaged vault file stops the backup instead of being carried on.
 *
 * Memory stays constant: entries stream through 1 MiB reused buffers (evidence BufferPool) into
 * the project's own ZIP64 writer, at explicit offsets, stored (bundles and the gzip dump are
 * compressed already) or deflated (triage JSONL). The archive appears under its name only when
 * complete and fsynced.
 */
export async function writeBackupArchive(
  handle: DbHandle,
  file: string,
  options: BackupOptions,
): Promise<BackupSummary> {
  const tmp = `${file}.partial-${process.pid}`;
  const out = await open(tmp, "wx", 0o600);
  const zip = new ZipWriter(out);
  try {
    const dump = streamDatabaseDump(handle);
    const dbHash = createHash("sha256");
    const [dbRecord, result] = await Promise.all([
      zip
        .addStream(DATABASE_ENTRY, hashed(dump.stream, dbHash), {
          compressionLevel: 0,
          mtime: new Date(),
          mode: 0o100600,
          zip64: true, // the dump's size is unknown until it is written
        })
        .catch((error: unknown) => {
          dump.stream.destroy();
          throw error;
        }),
      dump.result,
    ]);
    const root = path.join(options.dataDir, "evidence");
    const sources = [
      ...result.vault.bundleSha256s.map((sha256) => ({
        entry: bundleEntryName(sha256),
        path: vaultBundlePath(root, sha256),
        contentAddress: sha256 as string | undefined,
      })),
      ...result.vault.triageRunIds.map((id) => ({
        entry: triageEntryName(id),
        path: dataDirPathOf(options.dataDir, triageEntryName(id)),
        contentAddress: undefined,
      })),
    ];
    const sizes = await Promise.all(sources.map((s) => statReferenced(s.path, s.entry)));
    const progress: CopyProgress = {
      filesDone: 0,
      filesTotal: sources.length,
      bytesDone: 0,
      bytesTotal: sizes.reduce((sum, s) => sum + s.size, 0),
      currentPath: "",
    };
    const buffers = new BufferPool(CHUNK);
    const files: ArchivedFile[] = [];
    for (const [i, source] of sources.entries()) {
      const { size, mtime } = sizes[i] as { size: number; mtime: Date };
      progress.currentPath = source.path;
      const copied = await copyIntoArchive(zip, source.path, source.entry, buffers, {
        compressionLevel: source.contentAddress ? 0 : 1,
        mtime,
        mode: source.contentAddress ? 0o100444 : 0o100600,
        zip64: size >= ZIP64_THRESHOLD,
        onBytes: (count) => {
          progress.bytesDone += count;
          options.onProgress?.(progress);
        },
      });
      if ((source.contentAddress && copied.sha256 !== source.contentAddress) || copied.size !== size) {
        throw new AppError("EVIDENCE_INTEGRITY", {
          detail: {
            ja: `保管庫のファイル ${source.path} がハッシュ (ファイル名) と一致しません（改ざん・破損の疑い）。バックアップを中止しました。`,
            en: `The vault file ${source.path} does not match its hash (its name): tampered or damaged. The backup was stopped.`,
          },
        });
      }
      files.push({ entry: source.entry, ...copied });
      progress.filesDone += 1;
      options.onProgress?.(progress);
    }
    const database = { entry: DATABASE_ENTRY, sha256: dbHash.digest("hex"), size: dbRecord.size };
    const manifest: BackupManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: result.createdAt,
      backend: handle.kind,
      database: { ...database, tables: result.tables },
      files,
    };
    const small = { compressionLevel: 6, mtime: new Date(), mode: 0o100600 };
    await zip.addBuffer(MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`), small);
    await zip.addBuffer(SUMS_ENTRY, Buffer.from(formatSha256Sums([database, ...files])), small);
    await zip.finish();
    await out.close();
    await rename(tmp, file);
    await syncDir(path.dirname(file));
    return {
      file,
      createdAt: result.createdAt,
      tables: result.tables,
      evidenceBundles: result.vault.bundleSha256s.length,
      triageRuns: result.vault.triageRunIds.length,
      bytes: (await stat(file)).size,
    };
  } catch (error) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
}

async function statReferenced(file: string, entry: string): Promise<{ size: number; mtime: Date }> {
  try {
    const s = await stat(file);
    return { size: s.size, mtime: s.mtime };
  } catch (cause) {
    throw new AppError("EVIDENCE_INTEGRITY", {
      cause,
      detail: {
        ja: `データベースが参照する保管庫のファイルがありません: ${file} (${entry})。このままではバックアップが不完全になるため中止しました。`,
        en: `A vault file the database refers to is missing: ${file} (${entry}). The backup was stopped rather than be incomplete.`,
      },
    });
  }
}

/** Streams one file into the archive through reused buffers; returns its SHA-256 and size. */
async function copyIntoArchive(
  zip: ZipWriter,
  file: string,
  entry: string,
  buffers: BufferPool,
  options: {
    compressionLevel: number;
    mtime: Date;
    mode: number;
    zip64: boolean;
    onBytes: (count: number) => void;
  },
): Promise<{ sha256: string; size: number }> {
  const { onBytes, ...entryOptions } = options;
  const handle = await open(file, "r");
  const hash = createHash("sha256");
  try {
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let position = 0; ; ) {
        const buffer = buffers.acquire();
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) {
          buffers.release(buffer);
          return;
        }
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        position += bytesRead;
        onBytes(bytesRead);
        yield chunk;
      }
    }
    const record = await zip.addStream(entry, chunks(), {
      ...entryOptions,
      release: (chunk) => buffers.release(chunk),
    });
    return { sha256: hash.digest("hex"), size: record.size };
  } finally {
    await handle.close();
  }
}

async function* hashed(source: Readable, hash: Hash): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Buffer>) {
    hash.update(chunk);
    yield chunk;
  }
}
