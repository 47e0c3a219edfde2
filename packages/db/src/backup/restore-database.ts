import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { AppError } from "@sonae/core";
import { sql } from "drizzle-orm";
import type { Db, DbHandle } from "../create-db";
import { queryRows } from "../raw-sql";
import { BACKUP_FORMAT, type BackupHeader, listAppliedMigrations, listBackupTables } from "./backup-tables";

const BATCH = 500;

export type RestoreSummary = { createdAt: string; tables: Record<string, number> };

/** The transaction a restore runs in (passed to `beforeCommit`). */
export type RestoreTx = Pick<Db, "execute" | "select" | "selectDistinct">;

export type RestoreOptions = {
  /** Name shown in error messages (default: the file name). */
  label?: string;
  /**
   * Runs inside the restore transaction after every row is in and checked; if it throws, nothing
   * is restored. `sonae restore` places the evidence vault here, so files and rows land together,
   * and checks the dump's own creation time and row counts against its archive manifest.
   */
  beforeCommit?: (tx: RestoreTx, restored: RestoreSummary) => Promise<void>;
};

function invalid(ja: string, en: string): AppError {
  return new AppError("VALIDATION", { detail: { ja, en } });
}

/**
 * Restores a dump made by dumpDatabase (a .jsonl.gz file) into an EMPTY database at the same
 * schema version. See restoreDatabaseStream.
 */
export async function restoreDatabase(
  handle: DbHandle,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const input = createReadStream(file);
  try {
    return await restoreDatabaseStream(handle, input, { label: basename(file), ...options });
  } finally {
    input.destroy(); // the restore stops reading at the end marker or at the first error
  }
}

/**
 * Restores gzip'd dump bytes from `input` into an EMPTY database at the same schema version.
 * Everything happens in one transaction that commits only after the end marker and the row
 * counts check out (and `beforeCommit` succeeds), so a truncated or corrupt dump leaves the
 * database untouched.
 */
export async function restoreDatabaseStream(
  handle: DbHandle,
  input: Readable,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const label = options.label ?? "backup";
  const corrupt = (cause: unknown) => {
    const message = cause instanceof Error ? cause.message : String(cause);
    if ((cause as { syscall?: unknown }).syscall !== undefined) {
      // An operating-system error (missing file, no permission), not a damaged backup.
      return invalid(
        `バックアップ ${label} を読めません: ${message}`,
        `Cannot read the backup ${label}: ${message}`,
      );
    }
    return invalid(
      `バックアップ ${label} が途中で切れているか壊れています。何も復元していません (${message})。`,
      `The backup ${label} is truncated or corrupt. Nothing was restored (${message}).`,
    );
  };
  const gunzip = createGunzip();
  input.once("error", (error) => gunzip.destroy(error));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = () =>
    iterator.next().catch((cause: unknown) => {
      throw corrupt(cause);
    });
  try {
    const first = await next();
    const header = parseLine(first.value, label) as BackupHeader | null;
    if (!header || header.format !== BACKUP_FORMAT) {
      throw invalid(
        `${label} は Sonae のバックアップファイルではありません。`,
        `${label} is not a Sonae backup file.`,
      );
    }
    const counts: Record<string, number> = {};
    await handle.db.transaction(async (tx) => {
      const applied = await listAppliedMigrations(tx);
      if (JSON.stringify(applied) !== JSON.stringify(header.migrations)) {
        throw invalid(
          `スキーマの版が一致しません (バックアップ ${header.migrations.length} 件, 現在 ${applied.length} 件のマイグレーション)。同じ版の Sonae で復元してください。`,
          `Schema versions differ (backup has ${header.migrations.length} migrations, this database ${applied.length}). Restore with the same Sonae version.`,
        );
      }
      const tables = await assertEmptyTables(tx);
      let pending: { table: string; rows: unknown[] } = { table: "", rows: [] };
      const flush = async () => {
        if (pending.rows.length === 0) return;
        await tx.execute(
          sql`INSERT INTO ${sql.identifier(pending.table)} SELECT * FROM json_populate_recordset(NULL::${sql.identifier(pending.table)}, ${JSON.stringify(pending.rows)}::json)`,
        );
        pending = { table: pending.table, rows: [] };
      };
      let footer: { end: true; counts: Record<string, number> } | null = null;
      for (let line = await next(); !line.done; line = await next()) {
        const doc = parseLine(line.value, label) as {
          t?: string;
          r?: unknown;
          end?: true;
          counts?: Record<string, number>;
        };
        if (doc?.end) {
          footer = doc as { end: true; counts: Record<string, number> };
          break;
        }
        if (!doc?.t || !tables.includes(doc.t)) {
          throw invalid(
            `バックアップ ${label} に不明なテーブルがあります。`,
            `The backup ${label} names an unknown table.`,
          );
        }
        if (doc.t !== pending.table) {
          await flush();
          pending = { table: doc.t, rows: [] };
        }
        pending.rows.push(doc.r);
        counts[doc.t] = (counts[doc.t] ?? 0) + 1;
        if (pending.rows.length >= BATCH) await flush();
      }
      await flush();
      if (!footer) {
        throw invalid(
          `バックアップ ${label} が途中で切れています。何も復元していません。`,
          `The backup ${label} is truncated. Nothing was restored.`,
        );
      }
      for (const [table, n] of Object.entries(footer.counts)) {
        if ((counts[table] ?? 0) !== n) {
          throw invalid(
            `行数が一致しません (${label}: ${table})。何も復元していません。`,
            `Row count mismatch in ${table} (${label}). Nothing was restored.`,
          );
        }
      }
      await resetSequences(tx);
      await options.beforeCommit?.(tx, { createdAt: header.createdAt, tables: counts });
    });
    return { createdAt: header.createdAt, tables: counts };
  } finally {
    lines.close();
    gunzip.destroy();
  }
}

/**
 * Refuses a target that already holds rows (a restore never merges). Returns the backup tables.
 * Exported so `sonae restore` can fail fast, before it unpacks gigabytes of evidence.
 */
export async function assertEmptyTables(tx: Pick<Db, "execute">): Promise<string[]> {
  const tables = await listBackupTables(tx);
  for (const table of tables) {
    const [row] = await queryRows<{ n: number | string }>(
      tx,
      sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`,
    );
    if (Number(row?.n) > 0) {
      throw invalid(
        `復元先のデータベースが空ではありません (テーブル ${table})。空のデータベースに復元してください。`,
        `The target database is not empty (table ${table}). Restore into an empty database.`,
      );
    }
  }
  return tables;
}

function parseLine(line: string | undefined, label: string): unknown {
  if (!line) return null;
  try {
    return JSON.parse(line);
  } catch {
    throw invalid(`バックアップ ${label} が壊れています。`, `The backup ${label} is corrupt.`);
  }
}

/** Serial columns must continue after the restored ids, or the next insert collides. */
async function resetSequences(tx: Pick<DbHandle["db"], "execute">): Promise<void> {
  const serials = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name, column_name } of serials) {
    await tx.execute(
      sql`SELECT setval(pg_get_serial_sequence(${`public.${table_name}`}, ${column_name}),
            COALESCE((SELECT max(${sql.identifier(column_name)}) FROM ${sql.identifier(table_name)}), 0) + 1, false)`,
    );
  }
}
