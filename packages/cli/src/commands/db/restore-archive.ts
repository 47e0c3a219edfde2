import { createHash, randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, chmod, link, mkdir, open, rm, rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@sonae/core";
import {
  assertEmptyTables,
  type DbHandle,
  listVaultReferences,
  type RestoreTx,
  restoreDatabase,
  restoreDatabaseStream,
} from "@sonae/db";
import {
  checkZipStructure,
  type ZipReaderEntry as Entry,
  openBundle,
  readEntryBytes,
  syncDir,
  type ZipReader as ZipFile,
} from "@sonae/evidence";
import type { CopyProgress } from "./backup-archive";
import {
  type ArchivedFile,
  bundleEntryName,
  contentAddressOf,
  DATABASE_ENTRY,
  dataDirPathOf,
  MANIFEST_ENTRY,
  parseBackupManifest,
  SUMS_ENTRY,
  triageEntryName,
} from "./backup-manifest";
import {
  assertBackupAsWritten,
  assertDumpMatchesManifest,
  assertSumsMatch,
  damagedWith,
} from "./restore-checks";

export type RestoreBackupOptions = {
  /** The data folder whose `evidence/` vault receives the files (must hold none of them yet). */
  dataDir: string;
  onProgress?: (progress: CopyProgress) => void;
};

export type RestoreBackupSummary = {
  /** `archive`: database and vault; `database-only`: a .jsonl.gz from before backups held the vault. */
  kind: "archive" | "database-only";
  createdAt: string;
  tables: Record<string, number>;
  evidenceFiles: number;
  /** Vault files the restored rows refer to that are not in the data folder (old backups only). */
  missingEvidence: string[];
};

const GZIP_MAGIC = "1f8b";
const ZIP_MAGIC = "504b0304";
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/**
 * Restores `sonae backup` output into an empty database and data folder. A complete backup (ZIP)
 * is all-or-nothing: every vault file is written to a temp folder while its SHA-256 is checked,
 * the database is restored in one transaction, and just before that transaction commits the files
 * are linked into place; any failure rolls the rows back and removes the files again. An old
 * DB-only backup (.jsonl.gz) still restores; the vault files it cannot hold are reported.
 */
export async function restoreBackup(
  handle: DbHandle,
  file: string,
  options: RestoreBackupOptions,
): Promise<RestoreBackupSummary> {
  const label = path.basename(file);
  const magic = await readMagic(file, label);
  if (magic.startsWith(GZIP_MAGIC)) {
    const summary = await restoreDatabase(handle, file);
    return {
      kind: "database-only",
      ...summary,
      evidenceFiles: 0,
      missingEvidence: await findMissingFiles(handle, options.dataDir),
    };
  }
  if (magic !== ZIP_MAGIC) throw notABackup(label);
  return restoreArchive(handle, file, label, options);
}

async function restoreArchive(
  handle: DbHandle,
  file: string,
  label: string,
  options: RestoreBackupOptions,
): Promise<RestoreBackupSummary> {
  // The container first, byte for byte (what `sonae backup` writes): nothing is read from a
  // doctored or damaged archive.
  const structure = await checkZipStructure(file);
  const broken = structure.problems[0];
  if (broken?.code === "ZIP_CRC" || broken?.code === "ZIP_DATA_CORRUPT")
    throw tampered(label, broken.subject);
  if (broken) throw damagedWith(label, broken.message);
  const opened = await openBundle(file).catch((cause: unknown) => {
    throw damaged(label, `ZIP: ${(cause as Error).message}`, cause);
  });
  const { zip, entries } = opened;
  const temp = path.join(options.dataDir, "evidence", "tmp", `restore-${randomUUID()}`);
  const placed: string[] = [];
  let dbStream: Readable | undefined;
  try {
    if (opened.duplicates.length > 0) throw damaged(label, `duplicate entry ${opened.duplicates[0]}`);
    const manifestEntry = entries.get(MANIFEST_ENTRY);
    if (!manifestEntry) throw notABackup(label);
    const manifestBytes = await readEntry(label, MANIFEST_ENTRY, () =>
      readEntryBytes(zip, manifestEntry, MAX_MANIFEST_BYTES),
    );
    const manifest = parseBackupManifest(manifestBytes, label);
    assertBackupAsWritten(label, manifestBytes, manifest, structure.entries);
    const sumsEntry = entries.get(SUMS_ENTRY);
    const sums = sumsEntry
      ? await readEntry(label, SUMS_ENTRY, () => readEntryBytes(zip, sumsEntry, MAX_MANIFEST_BYTES))
      : undefined;
    assertSumsMatch(label, sums, manifest);
    const listed = new Map<string, ArchivedFile>(
      [manifest.database, ...manifest.files].map((f) => [f.entry, f]),
    );
    for (const name of entries.keys()) {
      if (!listed.has(name) && name !== MANIFEST_ENTRY && name !== SUMS_ENTRY) {
        throw damaged(label, `${name} is not in manifest.json`);
      }
    }
    for (const f of listed.values()) {
      if (!entries.has(f.entry)) throw damaged(label, `${f.entry} is missing`);
    }

    // Fail fast, before unpacking gigabytes: the database must be empty, the vault must not have these files.
    await assertEmptyTables(handle.db);
    for (const f of manifest.files) await assertAbsent(dataDirPathOf(options.dataDir, f.entry));

    const progress: CopyProgress = {
      filesDone: 0,
      filesTotal: listed.size,
      bytesDone: 0,
      bytesTotal: [...listed.values()].reduce((sum, f) => sum + f.size, 0),
      currentPath: DATABASE_ENTRY,
    };
    const onBytes = (count: number) => {
      progress.bytesDone += count;
      options.onProgress?.(progress);
    };
    const dbEntry = entries.get(DATABASE_ENTRY) as Entry;
    await verifyEntry(zip, dbEntry, manifest.database, label, onBytes);
    progress.filesDone += 1;

    await mkdir(temp, { recursive: true, mode: 0o700 });
    const batch = Buffer.allocUnsafe(1024 * 1024);
    for (const [i, f] of manifest.files.entries()) {
      progress.currentPath = f.entry;
      await extractVerified(
        zip,
        entries.get(f.entry) as Entry,
        f,
        path.join(temp, String(i)),
        label,
        batch,
        onBytes,
      );
      progress.filesDone += 1;
      options.onProgress?.(progress);
    }

    dbStream = await openEntry(zip, dbEntry, label);
    const restored = await restoreDatabaseStream(handle, dbStream, {
      label: `${label}:${DATABASE_ENTRY}`,
      beforeCommit: async (tx, dumped) => {
        assertDumpMatchesManifest(label, dumped, manifest);
        await assertComplete(tx, listed, label);
        for (const [i, f] of manifest.files.entries()) {
          const target = dataDirPathOf(options.dataDir, f.entry);
          await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
          await link(path.join(temp, String(i)), target); // link(): never replaces an existing file
          placed.push(target);
          if (contentAddressOf(f.entry)) await chmod(target, 0o444); // the vault is write-once
        }
        for (const dir of new Set(placed.map((p) => path.dirname(p)))) await syncDir(dir);
      },
    });
    return {
      kind: "archive",
      ...restored,
      evidenceFiles: manifest.files.length,
      missingEvidence: [],
    };
  } catch (error) {
    // The transaction rolled back (or never started): take back every file placed for it.
    for (const target of placed) await unlink(target).catch(() => undefined);
    await removeEmptyParents(placed, path.join(options.dataDir, "evidence"));
    throw error;
  } finally {
    dbStream?.destroy();
    zip.close();
    await rm(temp, { recursive: true, force: true });
    await removeEmptyParents([temp], path.join(options.dataDir, "evidence"));
  }
}

/** Every vault file the restored rows refer to must be in the backup, or the restore is refused. */
async function assertComplete(tx: RestoreTx, listed: Map<string, ArchivedFile>, label: string) {
  const refs = await listVaultReferences(tx);
  const needed = [...refs.bundleSha256s.map(bundleEntryName), ...refs.triageRunIds.map(triageEntryName)];
  const absent = needed.find((entry) => !listed.has(entry));
  if (absent) throw damaged(label, `the database refers to ${absent}, which the backup does not hold`);
}

/** Vault files the database refers to that are not in `dataDir` (after a DB-only restore). */
async function findMissingFiles(handle: DbHandle, dataDir: string): Promise<string[]> {
  const refs = await listVaultReferences(handle.db);
  const entries = [...refs.bundleSha256s.map(bundleEntryName), ...refs.triageRunIds.map(triageEntryName)];
  const missing: string[] = [];
  for (const entry of entries) {
    const exists = await access(dataDirPathOf(dataDir, entry), constants.F_OK).then(
      () => true,
      () => false,
    );
    if (!exists) missing.push(entry);
  }
  return missing;
}

/** Hashes an entry without keeping it (the dump: checked before any row is written). */
async function verifyEntry(
  zip: ZipFile,
  entry: Entry,
  expected: ArchivedFile,
  label: string,
  onBytes: (count: number) => void,
): Promise<void> {
  const hash = createHash("sha256");
  let size = 0;
  await readEntry(label, expected.entry, async () => {
    for await (const chunk of (await openEntry(zip, entry, label)) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      onBytes(chunk.length);
    }
  });
  if (hash.digest("hex") !== expected.sha256 || size !== expected.size) throw tampered(label, expected.entry);
}

/** Writes an entry to `target` (new file, 0600, fsynced) while hashing, through `batch`; refuses a mismatch. */
async function extractVerified(
  zip: ZipFile,
  entry: Entry,
  expected: ArchivedFile,
  target: string,
  label: string,
  batch: Buffer,
  onBytes: (count: number) => void,
): Promise<void> {
  const out = await open(target, "wx", 0o600);
  const hash = createHash("sha256");
  let size = 0;
  // yauzl yields 16 KiB chunks; one write per chunk made an 800 MiB restore 4x slower than the read.
  let filled = 0;
  const flush = async () => {
    for (let done = 0; done < filled; ) done += (await out.write(batch, done, filled - done)).bytesWritten;
    filled = 0;
  };
  try {
    await readEntry(label, expected.entry, async () => {
      for await (const chunk of (await openEntry(zip, entry, label)) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        for (let taken = 0; taken < chunk.length; ) {
          const n = chunk.copy(batch, filled, taken);
          filled += n;
          taken += n;
          if (filled === batch.length) await flush();
        }
        onBytes(chunk.length);
      }
    });
    await flush();
    await out.sync();
  } finally {
    await out.close();
  }
  if (hash.digest("hex") !== expected.sha256 || size !== expected.size) throw tampered(label, expected.entry);
}

async function openEntry(zip: ZipFile, entry: Entry, label: string): Promise<Readable> {
  return readEntry(label, entry.fileName, () => zip.openReadStreamPromise(entry));
}

/** Runs a read of one entry; a ZIP-level failure (cut file, bad data) becomes an error naming it. */
async function readEntry<T>(label: string, name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    const errno = (cause as { code?: unknown }).code;
    if (typeof errno === "string" && errno.startsWith("E")) throw cause; // disk full, permissions: not the backup's fault
    throw damaged(label, `${name}: ${(cause as Error).message}`, cause);
  }
}

async function readMagic(file: string, label: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (cause) {
    throw new AppError("VALIDATION", {
      cause,
      detail: {
        ja: `バックアップ ${label} を開けません: ${(cause as Error).message}`,
        en: `Cannot open the backup ${label}: ${(cause as Error).message}`,
      },
    });
  }
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead).toString("hex");
  } finally {
    await handle.close();
  }
}

async function assertAbsent(target: string): Promise<void> {
  const exists = await access(target, constants.F_OK).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new AppError("CONFLICT", {
      detail: {
        ja: `復元先のデータフォルダに既に証拠ファイルがあります (${target})。空のデータフォルダに復元してください。`,
        en: `The target data folder already holds evidence files (${target}). Restore into an empty data folder.`,
      },
    });
  }
}

/** Removes folders this restore created and left empty (fan-out folders, the temp folder). */
async function removeEmptyParents(paths: readonly string[], stopAt: string): Promise<void> {
  const dirs = new Set<string>();
  for (const p of paths) {
    for (let dir = path.dirname(p); dir.startsWith(`${stopAt}${path.sep}`); dir = path.dirname(dir))
      dirs.add(dir);
  }
  // Deepest first; rmdir fails on a folder that still holds something, which is then kept.
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => undefined);
}

function notABackup(label: string): AppError {
  return new AppError("VALIDATION", {
    detail: { ja: `${label} は Sonae のバックアップではありません。`, en: `${label} is not a Sonae backup.` },
  });
}

function damaged(label: string, why: string, cause?: unknown): AppError {
  return new AppError("VALIDATION", {
    cause,
    detail: {
      ja: `バックアップ ${label} が途中で切れているか壊れています (${why})。何も復元していません。`,
      en: `The backup ${label} is truncated or damaged (${why}). Nothing was restored.`,
    },
  });
}

function tampered(label: string, entry: string): AppError {
  return new AppError("EVIDENCE_INTEGRITY", {
    detail: {
      ja: `バックアップ ${label} の ${entry} が記録された SHA-256 と一致しません（改ざん・破損の疑い）。何も復元していません。`,
      en: `${entry} in the backup ${label} does not match its recorded SHA-256 (tampered or damaged). Nothing was restored.`,
    },
  });
}
