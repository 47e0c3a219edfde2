import type { DbHandle } from "@sonae/db";

/**
 * Opens the configured database the same way the server does. On PGlite this takes the data
 * folder's lock, so a CLI command never writes beside a running server (it gets a clear error).
 * Modules are imported on use so that `sonae --help` and the offline forensic commands start fast.
 */
export async function openConfiguredDb(options: { migrate?: boolean } = {}): Promise<DbHandle> {
  const [{ createDb }, { loadConfig }] = await Promise.all([
    import("@sonae/db"),
    import("@sonae/server/config"),
  ]);
  const config = loadConfig();
  return createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: options.migrate });
}
