import { createHmac } from "node:crypto";
import { AppError } from "@sonae/core";
import { loadOrCreateSecretKey } from "./secret-key-file";

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
  // Losing the KEK loses every report: never overwritten (see loadOrCreateSecretKey).
  const kek = loadOrCreateSecretKey(dataDir, "hub-kek", fromEnv, parseKek);
  const ring = { kek, indexKey: derive(kek, "index"), powKey: derive(kek, "pow") };
  cache.set(cacheKey, ring);
  return ring;
}
