import { resolve } from "node:path";

export type ServerMode = "organisation" | "hub";

export type ServerConfig = {
  host: string;
  port: number;
  databaseUrl?: string;
  dataDir: string;
  mode: ServerMode;
  /** Set cookies with Secure; on when served over HTTPS (behind a TLS proxy). */
  secureCookies: boolean;
  /** Folder of the built web app; absent in API-only tests. */
  webDistDir?: string;
  sessionHours: number;
};

/** Reads the server configuration from the environment. Nothing here has a default secret. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    // Loopback by default: exposing Sonae on a network is a deliberate choice (SONAE_HOST=0.0.0.0).
    host: env.SONAE_HOST ?? "127.0.0.1",
    port: Number(env.PORT ?? env.SONAE_PORT ?? 8787),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.SONAE_DATA_DIR ?? "./data"),
    mode: env.SONAE_MODE === "hub" ? "hub" : "organisation",
    secureCookies: env.SONAE_SECURE_COOKIES === "1" || env.SONAE_SECURE_COOKIES === "true",
    webDistDir: env.SONAE_WEB_DIST,
    sessionHours: Number(env.SONAE_SESSION_HOURS ?? 12),
  };
}
