import { createDb } from "../src/create-db";

/**
 * Applies migrations to the shared PostgreSQL test database once, before any test file runs,
 * and fails the whole run early and clearly when PostgreSQL is required but unreachable.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.CI) throw new Error("TEST_DATABASE_URL must be set in CI.");
    console.warn("[sonae] TEST_DATABASE_URL is not set: database tests run on PGlite only.");
    return;
  }
  const handle = await createDb({ databaseUrl: url });
  await handle.close();
}
