import { checkBackupSet, type TBackupSet, type TCreateBackupSetRequest } from "@sonae/core";
import type { backupSets } from "@sonae/db";

export type BackupSetRow = typeof backupSets.$inferSelect;

/** The API shape of a backup set, with its warnings judged on `today`. */
export function presentBackupSet(row: BackupSetRow, today: string): TBackupSet {
  const facts = {
    media: row.media as TBackupSet["media"],
    connectivity: row.connectivity as TBackupSet["connectivity"],
    lastSuccessAt: row.lastSuccessAt,
    lastRestoreTestAt: row.lastRestoreTestAt,
    lastRestoreTestResult: row.lastRestoreTestResult as TBackupSet["lastRestoreTestResult"],
  };
  return {
    id: row.id,
    name: row.name,
    protects: row.protects,
    location: row.location,
    generations: row.generations,
    frequency: row.frequency,
    notes: row.notes,
    ...facts,
    warnings: checkBackupSet(facts, today),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The stored fields of a request, for diffs in the audit trail. */
export function backupFieldsOf(row: BackupSetRow): TCreateBackupSetRequest {
  const { id: _id, warnings: _w, updatedAt: _u, ...fields } = presentBackupSet(row, "1970-01-01");
  return fields;
}

/** CSV columns: Japanese then English, so both readers find their way in Excel. */
export const BACKUP_CSV_HEADER = [
  "名称 / Name",
  "保護対象 / Protects",
  "媒体 / Media",
  "保管場所 / Location",
  "接続 / Connectivity",
  "世代数 / Generations",
  "頻度 / Frequency",
  "最終成功日 / Last success",
  "最終復元テスト日 / Last restore test",
  "復元テスト結果 / Restore test result",
  "警告 / Warnings",
  "メモ / Notes",
] as const;

export function backupCsvRow(set: TBackupSet): unknown[] {
  return [
    set.name,
    set.protects,
    set.media,
    set.location,
    set.connectivity,
    set.generations,
    set.frequency,
    set.lastSuccessAt,
    set.lastRestoreTestAt,
    set.lastRestoreTestResult,
    set.warnings.map((w) => `${w.message.ja} / ${w.message.en}`).join("\n"),
    set.notes,
  ];
}
