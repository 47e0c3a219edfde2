import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fingerprintX25519, generateOrganisationKey } from "@sonae/collector";
import type { AppDeps } from "../../app-deps";

/** The organisation's X25519 key pair that collector kits encrypt bundles to. */
export interface OrganisationKey {
  publicKeyPem: string;
  privateKeyPem: string;
  fingerprint: string;
}

/**
 * Loads (or makes, on first use) the organisation's encryption key in `<dataDir>/keys`, private part
 * 0600 and written with `wx` so two processes cannot replace each other's key. Like the signing key,
 * it never goes into a backup (keys are exported separately).
 */
export async function loadOrganisationKey(deps: AppDeps, organisationId: string): Promise<OrganisationKey> {
  const dir = path.join(deps.config.dataDir, "keys");
  const file = path.join(dir, `organisation-${organisationId}.x25519.pem`);
  let privateKeyPem: string;
  try {
    privateKeyPem = await readFile(file, "utf8");
  } catch {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const made = generateOrganisationKey();
    try {
      await writeFile(file, made.privateKeyPem, { mode: 0o600, flag: "wx" });
      privateKeyPem = made.privateKeyPem;
    } catch {
      privateKeyPem = await readFile(file, "utf8");
    }
  }
  const { createPublicKey } = await import("node:crypto");
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString();
  return { publicKeyPem, privateKeyPem, fingerprint: fingerprintX25519(publicKeyPem) };
}
