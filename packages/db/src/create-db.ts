import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { AppError } from "@sonae/core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock";
import { migratePgliteClient, migratePostgresPool } from "./migrate";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The Drizzle database, whichever back end is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

export type DbHandle = {
  db: Db;
  kind: DbKind;
  /** Human description for logs: the data folder or the PostgreSQL host/database. */
  location: string;
  close(): Promise<void>;
};

export type CreateDbOptions = {
  /** PostgreSQL connection string; when absent, file-backed PGlite is used. */
  databaseUrl?: string;
  /** Data folder for PGlite (default ./data). */
  dataDir?: string;
  /** In-memory PGlite for tests: no folder, no lock. */
  inMemory?: boolean;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
};

/**
 * Opens the database. With a URL it is PostgreSQL (production); otherwise PGlite in a data
 * folder guarded by an exclusive lock. Migrations from the one migration set are applied.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const opened = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await opened.migrate();
    } catch (error) {
      await opened.handle.close();
      throw error;
    }
  }
  return opened.handle;
}

type Opened = { handle: DbHandle; migrate(): Promise<void> };

async function openPostgres(databaseUrl: string): Promise<Opened> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process; queries report it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new AppError("DATABASE_UNAVAILABLE", {
      cause,
      detail: {
        ja: `PostgreSQL に接続できません (${redact(databaseUrl)}): ${(cause as Error).message}`,
        en: `Cannot connect to PostgreSQL (${redact(databaseUrl)}): ${(cause as Error).message}`,
      },
    });
  }
  return {
    handle: {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      kind: "postgres",
      location: redact(databaseUrl),
      close: () => pool.end(),
    },
    migrate: () => migratePostgresPool(pool),
  };
}

async function openPglite(options: CreateDbOptions): Promise<Opened> {
  if (options.inMemory) {
    const client = await PGlite.create();
    return {
      handle: {
        db: drizzlePglite(client, { schema }) as unknown as Db,
        kind: "pglite",
        location: "memory",
        close: () => client.close(),
      },
      migrate: () => migratePgliteClient(client),
    };
  }
  const dataDir = resolve(options.dataDir ?? "./data");
  // PGlite does not create parent folders.
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(join(dataDir, "pglite"));
    return {
      handle: {
        db: drizzlePglite(client, { schema }) as unknown as Db,
        kind: "pglite",
        location: dataDir,
        close: async () => {
          try {
            await client.close();
          } finally {
            release();
          }
        },
      },
      migrate: () => migratePgliteClient(client),
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Hides the password in a connection string for logs and errors. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}
