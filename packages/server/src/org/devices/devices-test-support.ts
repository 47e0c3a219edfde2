import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@sonae/db";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";

/** An in-process app on in-memory PGlite whose data folder (KEV store) is a fresh temp folder. */
export async function buildReadinessTestApp() {
  const db = await createDb({ inMemory: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), "sonae-readiness-"));
  const app = await buildApp({
    db: db.db,
    dbKind: db.kind,
    config: { ...loadConfig({}), dataDir, webDistDir: undefined },
  });
  const close = async () => {
    await app.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, db, dataDir, close };
}

/** Kept under its old name for the tests of this area. */
export { signInNewUser as signInNewOrganisationUser } from "../../testing/test-app";

/** A FortiGate used as SSL-VPN, the most common way in for ransomware in Japan (NPA 2025). */
export const FORTIGATE = {
  name: "本社 SSL-VPN",
  type: "vpn",
  vendor: "Fortinet",
  product: "FortiGate 60F (FortiOS SSL-VPN)",
  version: "6.0.4",
  usage: "テレワーク用リモートアクセス",
  mfaEnabled: false,
  logLocation: "memory",
} as const;
