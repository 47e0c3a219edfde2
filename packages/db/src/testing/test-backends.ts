import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "../create-db";

export type TestBackend = { name: "pglite" | "postgres"; open(): Promise<DbHandle> };

/**
 * The back ends every database test runs on. PGlite always; PostgreSQL when TEST_DATABASE_URL
 * is set. In CI a missing URL is an error, never a silent skip (STACK.md).
 */
export function testBackends(): TestBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    throw new Error("TEST_DATABASE_URL must be set in CI: database tests run on PostgreSQL too.");
  }
  const backends: TestBackend[] = [{ name: "pglite", open: () => createDb({ inMemory: true }) }];
  if (url) backends.push({ name: "postgres", open: () => createDb({ databaseUrl: url }) });
  return backends;
}

/**
 * A brand-new, empty PostgreSQL database for tests that need emptiness (restore). Returns its
 * URL and a drop function. Uses TEST_DATABASE_URL's server.
 */
export async function createScratchPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `sonae_scratch_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
