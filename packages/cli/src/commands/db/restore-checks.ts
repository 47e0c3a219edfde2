import { AppError } from "@sonae/core";
import type { RestoreSummary } from "@sonae/db";
import type { ZipEntryRecord } from "@sonae/evidence";
import {
  type BackupManifest,
  contentAddressOf,
  DATABASE_ENTRY,
  formatSha256Sums,
  MANIFEST_ENTRY,
  SUMS_ENTRY,
} from "./backup-manifest";

/** The exact text `sonae backup` writes for a manifest (known keys only, in their order). */
export function renderBackupManifest(manifest: BackupManifest): Buffer {
  const file = (f: { entry: string; sha256: string; size: number }) => ({
    entry: f.entry,
    sha256: f.sha256,
    size: f.size,
  });
  const canonical = {
    format: manifest.format,
    version: manifest.version,
    createdAt: manifest.createdAt,
    backend: manifest.backend,
    database: { ...file(manifest.database), tables: manifest.database.tables },
    files: manifest.files.map(file),
  };
  return Buffer.from(`${JSON.stringify(canonical, null, 1)}\n`);
}

/**
 * The archive is what `sonae backup` wrote, not merely something that parses: manifest.json is
 * byte for byte the text its values imply, the entries come in the writer's order (database,
 * vault files, manifest.json, SHA256SUMS) with the writer's file modes.
 */
export function assertBackupAsWritten(
  label: string,
  manifestBytes: Buffer,
  manifest: BackupManifest,
  entries: readonly ZipEntryRecord[],
): void {
  if (!manifestBytes.equals(renderBackupManifest(manifest))) {
    throw damagedWith(label, {
      ja: "manifest.json の本文が sonae backup の書いたものと異なります (書き換えの疑い)",
      en: "the text of manifest.json differs from what sonae backup writes (altered)",
    });
  }
  const order = [DATABASE_ENTRY, ...manifest.files.map((f) => f.entry), MANIFEST_ENTRY, SUMS_ENTRY];
  entries.forEach((entry, i) => {
    const expectedMode = contentAddressOf(entry.name) ? 0o100444 : 0o100600;
    if (entry.name !== order[i] || entry.mode !== expectedMode) {
      throw damagedWith(label, {
        ja: `エントリ ${i + 1} (${entry.name}) の順序またはファイルモードが sonae backup の書いたものと異なります`,
        en: `entry ${i + 1} (${entry.name}) is not in the order or mode sonae backup writes`,
      });
    }
  });
  if (entries.length !== order.length) {
    throw damagedWith(label, {
      ja: `エントリ数 ${entries.length} が manifest.json (${order.length}) と一致しません`,
      en: `${entries.length} entries, manifest.json implies ${order.length}`,
    });
  }
}

/** SHA256SUMS is present, inflates, and lists exactly the manifest's files and hashes. */
export function assertSumsMatch(label: string, sums: Buffer | undefined, manifest: BackupManifest): void {
  if (!sums || sums.toString("utf8") !== formatSha256Sums([manifest.database, ...manifest.files])) {
    throw damagedWith(label, {
      ja: "SHA256SUMS が manifest.json と一致しません",
      en: "SHA256SUMS does not match manifest.json",
    });
  }
}

/** The dump's own creation time and row counts are the ones manifest.json claims. */
export function assertDumpMatchesManifest(
  label: string,
  dumped: RestoreSummary,
  manifest: BackupManifest,
): void {
  const claimed = manifest.database.tables;
  const tables = new Set([...Object.keys(claimed), ...Object.keys(dumped.tables)]);
  const differs = [...tables].find((t) => (claimed[t] ?? 0) !== (dumped.tables[t] ?? 0));
  if (dumped.createdAt !== manifest.createdAt || differs !== undefined) {
    throw damagedWith(label, {
      ja: `manifest.json の記載 (${differs ? `表 ${differs} の行数` : "作成日時"}) がデータベースのダンプと一致しません`,
      en: `manifest.json (${differs ? `row count of ${differs}` : "creation time"}) does not match the database dump`,
    });
  }
}

/** The backup cannot be trusted as it is: nothing is restored. */
export function damagedWith(label: string, why: { ja: string; en: string }): AppError {
  return new AppError("VALIDATION", {
    detail: {
      ja: `バックアップ ${label} が途中で切れているか壊れています (${why.ja})。何も復元していません。`,
      en: `The backup ${label} is truncated or damaged (${why.en}). Nothing was restored.`,
    },
  });
}
