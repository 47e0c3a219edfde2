import { createWriteStream, renameSync, rmSync } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
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
import { listVaultReferences, type VaultReferences } from "./vault-references";

const BATCH = 2000;

/** What one dump contained: rows per table and the files outside the database its rows point at. */
export type DumpResult = { tables: Record<string, number>; createdAt: string; vault: VaultReferences };

export type DumpSummary = { file: string; tables: Record<string, number>; createdAt: string };

/** A dump being produced: read `stream` (gzip bytes); `result` settles once the snapshot is written. */
export type DatabaseDump = { stream: Readable; result: Promise<DumpResult> };

/**
 * Streams a consistent logical dump (gzip, one JSON document per line) of every application
 * table. It reads inside one REPEATABLE READ, read-only transaction, so it sees one snapshot
 * even while the server keeps writing; the vault references are read in that same snapshot.
 * The same format restores into PGlite or PostgreSQL. Destroying `stream` aborts the dump.
 */
export function streamDatabaseDump(handle: DbHandle): DatabaseDump {
  const gzip = createGzip();
  const write = (value: unknown) => writeLine(gzip, `${JSON.stringify(value)}\n`);
  const createdAt = new Date().toISOString();
  const counts: Record<string, number> = {};
  const result = (async (): Promise<DumpResult> => {
    const vault = await handle.db.transaction(
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
        const references = await listVaultReferences(tx);
        await write({ end: true, counts });
        return references;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    gzip.end();
    return { tables: counts, createdAt, vault };
  })();
  result.catch((error: unknown) => gzip.destroy(error instanceof Error ? error : new Error(String(error))));
  return { stream: gzip, result };
}

/**
 * Writes a DB-only dump to `file` (the format `sonae backup` wrote before it carried the evidence
 * vault; `restoreDatabase` reads it). The file appears under its name only when complete.
 */
export async function dumpDatabase(handle: DbHandle, file: string): Promise<DumpSummary> {
  const tmp = `${file}.partial-${process.pid}`;
  const dump = streamDatabaseDump(handle);
  try {
    await Promise.all([pipeline(dump.stream, createWriteStream(tmp, { mode: 0o600 })), dump.result]);
    renameSync(tmp, file);
  } catch (error) {
    dump.stream.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
  const { tables, createdAt } = await dump.result;
  return { file, tables, createdAt };
}

/** Writes with backpressure; rejects instead of hanging when the reader has gone away. */
function writeLine(gzip: Gzip, line: string): Promise<void> {
  if (gzip.destroyed) return Promise.reject(new Error("the backup output was closed"));
  if (gzip.write(line)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      gzip.off("drain", onDrain).off("close", onClose).off("error", onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("the backup output was closed"));
    const onError = (error: Error) => done(error);
    gzip.once("drain", onDrain).once("close", onClose).once("error", onError);
  });
}
