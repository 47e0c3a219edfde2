import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "@sonae/core";

/**
 * The hub's key-encryption key (KEK) lives OUTSIDE the database: `SONAE_HUB_KEK` (64 hex chars or
 * base64 of 32 bytes) or `${dataDir}/keys/hub-kek`, created with mode 0600 on first start. A
 * database dump alone therefore reveals no report content (issue 9 §6).
 */
export type HubKeyring = {
  kek: Buffer;
  /** HMAC key for the indicator index: observation hashes cannot be brute-forced from a dump. */
  indexKey: Buffer;
  /** HMAC key for proof-of-work challenges (stateless issuance). */
  powKey: Buffer;
};

const cache = new Map<string, HubKeyring>();

function parseKek(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) {
    throw new AppError("INTERNAL", {
      detail: {
        ja: "ハブの鍵暗号化鍵は32バイト(16進64文字)である必要があります。",
        en: "The hub key-encryption key must be 32 bytes (64 hex characters).",
      },
    });
  }
  return key;
}

function derive(kek: Buffer, label: string): Buffer {
  return createHmac("sha256", kek).update(`sonae-hub/${label}`).digest();
}

/** Loads (or on first start creates) the KEK and derives the sub-keys. Cached per location. */
export function loadHubKeyring(dataDir: string, env: NodeJS.ProcessEnv = process.env): HubKeyring {
  const fromEnv = env.SONAE_HUB_KEK;
  const cacheKey = fromEnv ? `env:${fromEnv}` : `dir:${dataDir}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let kek: Buffer;
  if (fromEnv) kek = parseKek(fromEnv);
  else {
    const dir = join(dataDir, "keys");
    const file = join(dir, "hub-kek");
    try {
      kek = parseKek(readFileSync(file, "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const fresh = randomBytes(32);
      // "wx": never overwrite a KEK another process just created; losing it loses every report.
      try {
        writeFileSync(file, `${fresh.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
        chmodSync(file, 0o600);
        kek = fresh;
      } catch (raced) {
        if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
        kek = parseKek(readFileSync(file, "utf8"));
      }
    }
  }
  const ring = { kek, indexKey: derive(kek, "index"), powKey: derive(kek, "pow") };
  cache.set(cacheKey, ring);
  return ring;
}
