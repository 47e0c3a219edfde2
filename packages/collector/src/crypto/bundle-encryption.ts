import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from "node:crypto";
import { open } from "node:fs/promises";

/** First bytes of an encrypted bundle (`.zip.sonae-enc`). */
export const ENCRYPTED_MAGIC = Buffer.from("SONAE-ENC\u0001", "latin1");
const CHUNK = 1024 * 1024;
const TAG = 16;
const MAX_HEADER = 4096;

interface Header {
  alg: "X25519-HKDF-SHA256-AES-256-GCM";
  recipient: string;
  ephemeralPublicKey: string;
  salt: string;
  noncePrefix: string;
  chunkSize: number;
}

/** `SHA256:` fingerprint of an X25519 public key (same scheme as the signing keys). */
export function fingerprintX25519(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return `SHA256:${createHash("sha256").update(der).digest("hex")}`;
}

/** A new organisation key pair (X25519, PEM). */
export function generateOrganisationKey(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

function chunkKey(shared: Buffer, header: Header): Buffer {
  return Buffer.from(
    hkdfSync("sha256", shared, Buffer.from(header.salt, "base64"), "sonae-kit-bundle v1", 32),
  );
}

function nonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

/** Additional data of one chunk: the header's hash, its index and whether it is the last (no truncation). */
function aad(headerHash: Buffer, index: number, last: boolean): Buffer {
  const b = Buffer.alloc(headerHash.length + 5);
  headerHash.copy(b);
  b.writeUInt32BE(index, headerHash.length);
  b[headerHash.length + 4] = last ? 1 : 0;
  return b;
}

/**
 * Encrypts a bundle to the organisation's X25519 public key: an ephemeral X25519 agreement, HKDF-SHA256,
 * then AES-256-GCM over 1 MiB chunks (each authenticated with the header, its index and a last-chunk
 * flag, so reordering, truncation and header edits fail). Streams: memory stays at one chunk.
 */
export async function encryptBundle(
  input: string,
  output: string,
  recipientPublicKeyPem: string,
): Promise<void> {
  const recipient = createPublicKey(recipientPublicKeyPem);
  const ephemeral = generateKeyPairSync("x25519");
  const header: Header = {
    alg: "X25519-HKDF-SHA256-AES-256-GCM",
    recipient: fingerprintX25519(recipientPublicKeyPem),
    ephemeralPublicKey: ephemeral.publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    salt: randomBytes(32).toString("base64"),
    noncePrefix: randomBytes(8).toString("base64"),
    chunkSize: CHUNK,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const headerHash = createHash("sha256").update(headerBytes).digest();
  const key = chunkKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), header);
  const prefix = Buffer.from(header.noncePrefix, "base64");
  const source = await open(input, "r");
  const target = await open(output, "wx", 0o600);
  try {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    await target.write(Buffer.concat([ENCRYPTED_MAGIC, length, headerBytes]));
    const size = (await source.stat()).size;
    const buffer = Buffer.alloc(CHUNK);
    for (let index = 0, position = 0; ; index++) {
      const { bytesRead } = await source.read(buffer, 0, CHUNK, position);
      position += bytesRead;
      const last = position >= size;
      const cipher = createCipheriv("aes-256-gcm", key, nonce(prefix, index));
      cipher.setAAD(aad(headerHash, index, last));
      const sealed = Buffer.concat([
        cipher.update(buffer.subarray(0, bytesRead)),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      await target.write(sealed);
      if (last) break;
    }
    await target.sync();
  } finally {
    await source.close();
    await target.close();
  }
}

/** Decrypts with the organisation's private key; any wrong key, edit or truncation throws. */
export async function decryptBundle(input: string, output: string, privateKeyPem: string): Promise<void> {
  const source = await open(input, "r");
  const target = await open(output, "wx", 0o600);
  try {
    const start = Buffer.alloc(ENCRYPTED_MAGIC.length + 4);
    await source.read(start, 0, start.length, 0);
    if (!start.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC))
      throw new Error("not an encrypted Sonae bundle");
    const headerLength = start.readUInt32BE(ENCRYPTED_MAGIC.length);
    if (headerLength > MAX_HEADER) throw new Error("encryption header too large");
    const headerBytes = Buffer.alloc(headerLength);
    await source.read(headerBytes, 0, headerLength, start.length);
    const header = JSON.parse(headerBytes.toString("utf8")) as Header;
    if (header.alg !== "X25519-HKDF-SHA256-AES-256-GCM" || header.chunkSize !== CHUNK)
      throw new Error("unknown encryption");
    const privateKey = createPrivateKey(privateKeyPem);
    const ephemeral = createPublicKey({
      key: Buffer.from(header.ephemeralPublicKey, "base64"),
      format: "der",
      type: "spki",
    });
    const key = chunkKey(diffieHellman({ privateKey, publicKey: ephemeral }), header);
    const headerHash = createHash("sha256").update(headerBytes).digest();
    const prefix = Buffer.from(header.noncePrefix, "base64");
    const size = (await source.stat()).size;
    const buffer = Buffer.alloc(CHUNK + TAG);
    let position = start.length + headerLength;
    for (let index = 0; ; index++) {
      const { bytesRead } = await source.read(buffer, 0, CHUNK + TAG, position);
      if (bytesRead < TAG) throw new Error("encrypted bundle is truncated");
      position += bytesRead;
      const last = position >= size;
      const decipher = createDecipheriv("aes-256-gcm", key, nonce(prefix, index));
      decipher.setAAD(aad(headerHash, index, last));
      decipher.setAuthTag(buffer.subarray(bytesRead - TAG, bytesRead));
      await target.write(
        Buffer.concat([decipher.update(buffer.subarray(0, bytesRead - TAG)), decipher.final()]),
      );
      if (last) break;
    }
    await target.sync();
  } finally {
    await source.close();
    await target.close();
  }
}
