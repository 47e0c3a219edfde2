import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { AppError } from "@sonae/core";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../create-db";
import { queryRows } from "../raw-sql";
import { BACKUP_FORMAT, type BackupHeader, listAppliedMigrations, listBackupTables } from "./backup-tables";

const BATCH = 500;

export type RestoreSummary = { createdAt: string; tables: Record<string, number> };

function invalid(ja: string, en: string): AppError {
  return new AppError("VALIDATION", { detail: { ja, en } });
}

/**
 * Restores a dump made by dumpDatabase into an EMPTY database at the same schema version.
 * Everything happens in one transaction that commits only after the end marker and the row
 * counts check out, so a truncated or corrupt file leaves the database untouched.
 */
export async function restoreDatabase(handle: DbHandle, file: string): Promise<RestoreSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next().catch((cause: Error) => {
    throw invalid(
      `バックアップファイルを読めません: ${cause.message}`,
      `Cannot read the backup file: ${cause.message}`,
    );
  });
  const header = parseLine(first.value) as BackupHeader | null;
  if (!header || header.format !== BACKUP_FORMAT) {
    throw invalid("Sonae のバックアップファイルではありません。", "This is not a Sonae backup file.");
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
    let pending: { table: string; rows: unknown[] } = { table: "", rows: [] };
    const flush = async () => {
      if (pending.rows.length === 0) return;
      await tx.execute(
        sql`INSERT INTO ${sql.identifier(pending.table)} SELECT * FROM json_populate_recordset(NULL::${sql.identifier(pending.table)}, ${JSON.stringify(pending.rows)}::json)`,
      );
      pending = { table: pending.table, rows: [] };
    };
    let footer: { end: true; counts: Record<string, number> } | null = null;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const doc = parseLine(next.value) as {
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
        throw invalid("バックアップに不明なテーブルがあります。", "The backup names an unknown table.");
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
        "バックアップファイルが途中で切れています。何も復元していません。",
        "The backup file is truncated. Nothing was restored.",
      );
    }
    for (const [table, n] of Object.entries(footer.counts)) {
      if ((counts[table] ?? 0) !== n) {
        throw invalid(`行数が一致しません (${table})。`, `Row count mismatch in ${table}.`);
      }
    }
    await resetSequences(tx);
  });
  return { createdAt: header.createdAt, tables: counts };
}

function parseLine(line: string | undefined): unknown {
  if (!line) return null;
  try {
    return JSON.parse(line);
  } catch {
    throw invalid("バックアップファイルが壊れています。", "The backup file is corrupt.");
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
