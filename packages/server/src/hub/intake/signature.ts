import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { AppError, type THubSignedRequest } from "@sonae/core";

/** Signed requests older or newer than this are refused; nonces are kept at least twice as long. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

const keyCache = new Map<string, KeyObject>();

function badSignature(): AppError {
  return new AppError("UNAUTHENTICATED", {
    detail: { ja: "署名を検証できません。", en: "The signature does not verify." },
  });
}

/** Ed25519 public key from raw 32 bytes (base64url), cached: parsing is most of the cost of verifying. */
function publicKeyOf(raw: string): KeyObject {
  let key = keyCache.get(raw);
  if (key) return key;
  if (Buffer.from(raw, "base64url").length !== 32) throw badSignature();
  try {
    key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw }, format: "jwk" });
  } catch {
    throw badSignature();
  }
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(raw, key);
  return key;
}

/** SHA-256 of the raw public key, hex: what a unit admin reads out to the organisation to confirm. */
export function fingerprintOf(rawPublicKey: string): string {
  return createHash("sha256").update(Buffer.from(rawPublicKey, "base64url")).digest("hex");
}

/**
 * Verifies Ed25519 over the exact bytes of `body`, parses it and checks the timestamp window.
 * Returns the parsed JSON; the caller validates its shape and records the nonce.
 */
export function verifySignedRequest(request: THubSignedRequest, now = Date.now()): Record<string, unknown> {
  const ok = verify(
    null,
    Buffer.from(request.body, "utf8"),
    publicKeyOf(request.publicKey),
    Buffer.from(request.signature, "base64url"),
  );
  if (!ok) throw badSignature();
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    throw new AppError("VALIDATION", { field: "body" });
  }
  if (!parsed || typeof parsed !== "object") throw new AppError("VALIDATION", { field: "body" });
  const body = parsed as Record<string, unknown>;
  const at = Date.parse(String(body.timestamp));
  if (!Number.isFinite(at) || Math.abs(now - at) > SIGNATURE_WINDOW_MS) {
    throw new AppError("UNAUTHENTICATED", {
      detail: {
        ja: "署名の時刻が許容範囲外です(時計を確認してください)。",
        en: "The signed timestamp is outside the accepted window (check the clock).",
      },
    });
  }
  return body;
}
