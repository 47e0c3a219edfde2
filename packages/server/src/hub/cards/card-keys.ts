import { AppError } from "@sonae/core";
import { loadHubKeyring } from "../store/hub-keyring";
import { loadOrCreateSecretKey } from "../store/secret-key-file";

/**
 * Keys of the card area, all outside the database (PCI DSS v4 3.6/3.7: keys apart from data):
 * - the hub KEK (hub-keyring.ts) wraps each import's data key, which seals the numbers;
 * - a SEPARATE HMAC key for de-duplication and look-up: `SONAE_HUB_CARD_HMAC_KEY` (64 hex) or
 *   `${dataDir}/keys/hub-card-hmac` (created 0600). It is not derived from the KEK, so the look-up
 *   key can be handed to a process that must never decrypt (and rotated on its own schedule).
 */
export type CardKeys = { kek: Buffer; hmacKey: Buffer };

const cache = new Map<string, Buffer>();

function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new AppError("INTERNAL", {
      detail: {
        ja: "カード番号用 HMAC 鍵は32バイト(16進64文字)である必要があります。",
        en: "The card-number HMAC key must be 32 bytes (64 hex characters).",
      },
    });
  }
  return key;
}

function loadHmacKey(dataDir: string, env: NodeJS.ProcessEnv): Buffer {
  const fromEnv = env.SONAE_HUB_CARD_HMAC_KEY;
  const cacheKey = fromEnv ? `env:${fromEnv}` : `dir:${dataDir}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const key = loadOrCreateSecretKey(dataDir, "hub-card-hmac", fromEnv, parseKey);
  cache.set(cacheKey, key);
  return key;
}

export function loadCardKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): CardKeys {
  return { kek: loadHubKeyring(dataDir, env).kek, hmacKey: loadHmacKey(dataDir, env) };
}
