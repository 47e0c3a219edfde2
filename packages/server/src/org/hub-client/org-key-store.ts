import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateHubOrgKeyPair, type HubOrgKeyPair } from "./hub-client";

/**
 * The organisation's Ed25519 signing key for hub submissions, kept in the data folder
 * (`keys/hub-org-ed25519.pem`, mode 0600) and created on first use. The hub learns only the
 * public key; its fingerprint is what the organisation reads to the police to confirm enrolment.
 */
export function loadOrCreateOrgHubKey(dataDir: string): HubOrgKeyPair & { fingerprint: string } {
  const dir = join(dataDir, "keys");
  const file = join(dir, "hub-org-ed25519.pem");
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fresh = generateHubOrgKeyPair();
    try {
      writeFileSync(file, fresh.privateKeyPem, { mode: 0o600, flag: "wx" });
      pem = fresh.privateKeyPem;
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
      pem = readFileSync(file, "utf8");
    }
  }
  const publicKey = String(createPublicKey(createPrivateKey(pem)).export({ format: "jwk" }).x);
  const fingerprint = createHash("sha256").update(Buffer.from(publicKey, "base64url")).digest("hex");
  return { privateKeyPem: pem, publicKey, fingerprint };
}
