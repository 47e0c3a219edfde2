import { createHash, createPrivateKey, createPublicKey, sign, verify } from "node:crypto";

/** Chunk size the kit sends; the server accepts up to this per request. */
export const KIT_UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;
/** How far a request's timestamp may be from the server's clock (replays outside it are refused). */
export const KIT_UPLOAD_CLOCK_SKEW_MS = 10 * 60 * 1000;

export const KIT_UPLOAD_HEADERS = {
  key: "x-sonae-kit-key",
  timestamp: "x-sonae-kit-timestamp",
  signature: "x-sonae-kit-signature",
} as const;

export interface SignedRequestParts {
  method: string;
  /** Path with query string, exactly as sent. */
  path: string;
  offset: number;
  /** SHA-256 (hex) of the chunk; of the whole bundle when starting; of nothing for a status query. */
  chunkSha256: string;
  timestamp: string;
}

/** The exact bytes the kit key signs for one upload request (both sides build it with this). */
export function kitUploadMessage(p: SignedRequestParts): Buffer {
  return Buffer.from(
    [
      "sonae-kit-upload-v1",
      p.method.toUpperCase(),
      p.path,
      String(p.offset),
      p.chunkSha256,
      p.timestamp,
    ].join("\n"),
  );
}

export const sha256Hex = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

export function signKitUpload(signingKeyPem: string, parts: SignedRequestParts): string {
  return sign(null, kitUploadMessage(parts), createPrivateKey(signingKeyPem)).toString("base64");
}

/** True only for a valid Ed25519 signature of `parts` by `publicKeyPem`. */
export function verifyKitUpload(publicKeyPem: string, parts: SignedRequestParts, signature: string): boolean {
  try {
    return verify(
      null,
      kitUploadMessage(parts),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, "base64"),
    );
  } catch {
    return false;
  }
}

/** HTTPS only; plain http is allowed to this machine alone (tests, a server on the same host). */
export function isAllowedUploadUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === "https:") return true;
    return u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
  } catch {
    return false;
  }
}
