import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@sonae/db";
import { buildApp } from "./app";
import { loadConfig, type ServerConfig } from "./config";

const DEFAULT_WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "dist");

/** Opens the database (applying migrations), builds the app and listens. Closes cleanly on signals. */
export async function startServer(overrides: Partial<ServerConfig> = {}) {
  const config = { ...loadConfig(), ...overrides };
  config.webDistDir ??= existsSync(DEFAULT_WEB_DIST) ? DEFAULT_WEB_DIST : undefined;
  const handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    config,
    logger: { level: process.env.LOG_LEVEL ?? "info" },
  });
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await handle.close();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      close().finally(() => process.exit(0));
    });
  }
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await close();
    throw error;
  }
  app.log.info(
    `Sonae (${config.mode}) on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} — database: ${handle.kind} ${handle.location}`,
  );
  return { app, close, config, db: handle };
}
