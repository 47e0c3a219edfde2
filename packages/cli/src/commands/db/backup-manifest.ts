import path from "node:path";
import { AppError } from "@sonae/core";
import { vaultRelativePath } from "@sonae/evidence";

/**
 * Layout of a complete backup (`sonae backup`), a ZIP64 archive whose entry names mirror the data
 * folder, so an administrator can also inspect it with `unzip -l` or check it with `sha256sum -c`:
 *
 *   database.jsonl.gz               the logical dump (restoreDatabase's format), stored as is
 *   evidence/sha256/ab/cd/<sha256>  every vault bundle the dump refers to (already ZIPs: stored)
 *   evidence/triage/<run id>.jsonl  the events file of every finished triage run (deflated)
 *   manifest.json                   what is in it, with the SHA-256 and size of every entry above
 *   SHA256SUMS                      the same hashes as `sha256sum` lines
 */
export const ARCHIVE_FORMAT = "sonae-backup-archive";
export const ARCHIVE_VERSION = 1;
export const DATABASE_ENTRY = "database.jsonl.gz";
export const MANIFEST_ENTRY = "manifest.json";
export const SUMS_ENTRY = "SHA256SUMS";

/** One file of the archive with the hash it had when it was written. */
export type ArchivedFile = { entry: string; sha256: string; size: number };

export type BackupManifest = {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  createdAt: string;
  backend: string;
  database: ArchivedFile & { tables: Record<string, number> };
  files: ArchivedFile[];
};

/** Entry name of a vault bundle: its place under the data folder. */
export function bundleEntryName(sha256: string): string {
  return `evidence/${vaultRelativePath(sha256)}`;
}

/**
 * Entry name of a triage run's events file. Mirrors runEventsPath in the server's triage module
 * (`<dataDir>/evidence/triage/<id>.jsonl`).
 */
export function triageEntryName(runId: string): string {
  return `evidence/triage/${runId}.jsonl`;
}

/** Where an entry goes under a data folder (entry names are validated before this is called). */
export function dataDirPathOf(dataDir: string, entry: string): string {
  return path.join(dataDir, ...entry.split("/"));
}

const SHA256 = /^[0-9a-f]{64}$/;
const BUNDLE_ENTRY = /^evidence\/sha256\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const TRIAGE_ENTRY =
  /^evidence\/triage\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/;

/** A vault bundle's entry names its own hash: a renamed or swapped file cannot pass. */
export function contentAddressOf(entry: string): string | undefined {
  const match = BUNDLE_ENTRY.exec(entry);
  if (!match) return undefined;
  const [, a, b, sha256] = match;
  return sha256 && sha256.slice(0, 2) === a && sha256.slice(2, 4) === b ? sha256 : undefined;
}

/**
 * Parses manifest.json strictly: only the entry names above (no `..`, no absolute paths), hex
 * hashes, whole sizes. Anything else means the archive was not written by `sonae backup`.
 */
export function parseBackupManifest(bytes: Buffer, label: string): BackupManifest {
  const bad = (why: string) =>
    new AppError("VALIDATION", {
      detail: {
        ja: `${label} の manifest.json が不正です (${why})。Sonae のバックアップではないか、壊れています。何も復元していません。`,
        en: `The manifest.json of ${label} is not valid (${why}). It is not a Sonae backup, or it is damaged. Nothing was restored.`,
      },
    });
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw bad("JSON");
  }
  const m = value as Partial<BackupManifest> | null;
  if (m?.format !== ARCHIVE_FORMAT) throw bad("format");
  if (m.version !== ARCHIVE_VERSION) throw bad(`version ${String(m.version)}`);
  const isFile = (f: unknown): f is ArchivedFile => {
    const x = f as Partial<ArchivedFile> | null;
    return (
      typeof x?.entry === "string" &&
      typeof x.sha256 === "string" &&
      SHA256.test(x.sha256) &&
      Number.isSafeInteger(x.size) &&
      (x.size ?? -1) >= 0
    );
  };
  if (!isFile(m.database) || m.database.entry !== DATABASE_ENTRY) throw bad("database");
  if (!Array.isArray(m.files)) throw bad("files");
  const seen = new Set<string>();
  for (const f of m.files) {
    if (!isFile(f)) throw bad("files");
    const address = contentAddressOf(f.entry);
    if (address === undefined && !TRIAGE_ENTRY.test(f.entry)) throw bad(`entry ${f.entry}`);
    if (address !== undefined && address !== f.sha256) throw bad(`hash of ${f.entry}`);
    if (seen.has(f.entry)) throw bad(`duplicate ${f.entry}`);
    seen.add(f.entry);
  }
  return m as BackupManifest;
}

/** `sha256sum -c` lines (two spaces: text mode is irrelevant on POSIX). */
export function formatSha256Sums(files: readonly ArchivedFile[]): string {
  return files.map((f) => `${f.sha256}  ${f.entry}\n`).join("");
}
