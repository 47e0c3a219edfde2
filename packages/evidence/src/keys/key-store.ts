import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { EvidenceError, getErrnoCode } from "../errors/evidence-error";

const PRIVATE_FILE = "evidence-signing.key";
const PUBLIC_FILE = "evidence-signing.pub";

/** The installation's Ed25519 signing key. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** `SHA256:` + hex of the SHA-256 of the DER public key: read it aloud to the police. */
  fingerprint: string;
}

/** Default key directory: `${SONAE_DATA_DIR:-./data}/keys`. */
export function getDefaultKeyDir(): string {
  return path.resolve(process.env.SONAE_DATA_DIR ?? "./data", "keys");
}

/**
 * Loads the per-installation key pair from `keyDir`, creating it on first use. The private key is
 * written with mode 0600 and the `wx` flag, so two processes racing cannot overwrite each other's key.
 */
export async function loadOrCreateSigningKey(keyDir: string): Promise<SigningKey> {
  const privatePath = path.join(keyDir, PRIVATE_FILE);
  try {
    return toSigningKey(createPrivateKey(await readFile(privatePath, "utf8")));
  } catch (error) {
    if (getErrnoCode(error) !== "ENOENT") throw keyStoreError(privatePath, error);
  }
  try {
    await mkdir(keyDir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await writeFile(privatePath, pem, { mode: 0o600, flag: "wx" });
    await chmod(privatePath, 0o600);
    const key = toSigningKey(privateKey);
    await writeFile(path.join(keyDir, PUBLIC_FILE), key.publicKeyPem, { mode: 0o644 });
    return key;
  } catch (error) {
    // Another process created the key between our read and write: use theirs.
    if (getErrnoCode(error) === "EEXIST") return loadOrCreateSigningKey(keyDir);
    throw keyStoreError(privatePath, error);
  }
}

/** A signing key from a PKCS#8 PEM (a collector kit carries its own key this way). */
export function signingKeyFromPem(privateKeyPem: string): SigningKey {
  return toSigningKey(createPrivateKey(privateKeyPem));
}

/** Fingerprint of a PEM public key, `SHA256:<hex>`. */
export function fingerprintPublicKey(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return `SHA256:${createHash("sha256").update(der).digest("hex")}`;
}

/** Ed25519 signature (base64) of `data`. */
export function signBytes(key: SigningKey, data: Buffer): string {
  return sign(null, data, key.privateKey).toString("base64");
}

/** True when `signatureBase64` is a valid Ed25519 signature of `data` by `publicKeyPem`. */
export function verifySignature(publicKeyPem: string, data: Buffer, signatureBase64: string): boolean {
  try {
    const publicKey = createPublicKey(publicKeyPem);
    if (publicKey.asymmetricKeyType !== "ed25519") return false;
    return verify(null, data, publicKey, Buffer.from(signatureBase64.trim(), "base64"));
  } catch {
    return false;
  }
}

function toSigningKey(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new EvidenceError("KEY_STORE", {
      ja: "署名鍵が Ed25519 ではありません",
      en: "The signing key is not an Ed25519 key",
    });
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
  return { privateKey, publicKeyPem, fingerprint: fingerprintPublicKey(publicKeyPem) };
}

function keyStoreError(file: string, cause: unknown): EvidenceError {
  if (cause instanceof EvidenceError) return cause;
  return new EvidenceError(
    "KEY_STORE",
    { ja: `署名鍵を読み書きできません: ${file}`, en: `Cannot read or create the signing key: ${file}` },
    { file, errno: getErrnoCode(cause) },
    { cause },
  );
}
