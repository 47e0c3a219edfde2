import { createWriteStream, renameSync, rmSync } from "node:fs";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../create-db";
import { queryRows } from "../raw-sql";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  listAppliedMigrations,
  listBackupTables,
} from "./backup-tables";

const BATCH = 2000;

export type DumpSummary = { file: string; tables: Record<string, number>; createdAt: string };

/**
 * Writes a consistent logical dump (gzip, one JSON document per line) of every application
 * table. It reads inside one REPEATABLE READ, read-only transaction, so it sees one snapshot
 * even while the server keeps writing. The same format restores into PGlite or PostgreSQL.
 * The file appears under its name only when complete (written to a temp name, then renamed).
 */
export async function dumpDatabase(handle: DbHandle, file: string): Promise<DumpSummary> {
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const out = createWriteStream(tmp, { mode: 0o600 });
  gzip.pipe(out);
  const write = (value: unknown) =>
    new Promise<void>((resolve, reject) => {
      const ok = gzip.write(`${JSON.stringify(value)}\n`, (err) => (err ? reject(err) : undefined));
      if (ok) resolve();
      else gzip.once("drain", resolve);
    });
  const createdAt = new Date().toISOString();
  const counts: Record<string, number> = {};
  try {
    await handle.db.transaction(
      async (tx) => {
        const tables = await listBackupTables(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt,
          backend: handle.kind,
          migrations: await listAppliedMigrations(tx),
          tables,
        };
        await write(header);
        for (const table of tables) {
          counts[table] = 0;
          for (let offset = 0; ; offset += BATCH) {
            // ctid order is stable inside one snapshot, so OFFSET pages never skip or repeat rows.
            const rows = await queryRows<{ j: unknown }>(
              tx,
              sql`SELECT row_to_json(t) AS j FROM ${sql.identifier(table)} t ORDER BY ctid LIMIT ${BATCH} OFFSET ${offset}`,
            );
            for (const r of rows)
              await write({ t: table, r: typeof r.j === "string" ? JSON.parse(r.j) : r.j });
            counts[table] += rows.length;
            if (rows.length < BATCH) break;
          }
        }
        await write({ end: true, counts });
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    gzip.end();
    await finished(out);
    renameSync(tmp, file);
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
  return { file, tables: counts, createdAt };
}
