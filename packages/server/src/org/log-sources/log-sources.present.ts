import { checkLogSource, type TCreateLogSourceRequest, type TLogSource } from "@sonae/core";
import type { logSources } from "@sonae/db";

export type LogSourceRow = typeof logSources.$inferSelect;

/** The stored fields of a log source as the request shape (also used for audit diffs). */
export function logFieldsOf(row: LogSourceRow): TCreateLogSourceRequest {
  return {
    name: row.name,
    kind: row.kind as TLogSource["kind"],
    deviceId: row.deviceId,
    retentionDays: row.retentionDays,
    storage: row.storage as TLogSource["storage"],
    protectedFromDeletion: row.protectedFromDeletion,
    clockSynchronised: row.clockSynchronised,
    notes: row.notes,
  };
}

/** The API shape of a log source, with its warnings. */
export function presentLogSource(row: LogSourceRow): TLogSource {
  const fields = logFieldsOf(row);
  return { id: row.id, ...fields, warnings: checkLogSource(fields), updatedAt: row.updatedAt.toISOString() };
}

export const LOG_CSV_HEADER = [
  "名称 / Name",
  "種類 / Kind",
  "機器ID / Device id",
  "保存日数 / Retention days",
  "保存先 / Storage",
  "削除から保護 / Protected from deletion",
  "時刻同期 / Clock synchronised",
  "警告 / Warnings",
  "メモ / Notes",
] as const;

export function logCsvRow(source: TLogSource): unknown[] {
  return [
    source.name,
    source.kind,
    source.deviceId,
    source.retentionDays,
    source.storage,
    source.protectedFromDeletion,
    source.clockSynchronised,
    source.warnings.map((w) => `${w.message.ja} / ${w.message.en}`).join("\n"),
    source.notes,
  ];
}
