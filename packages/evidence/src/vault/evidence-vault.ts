import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, link, mkdir, open, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { pipeline, type Readable } from "node:stream";
import type { CustodyEntry } from "../custody/custody-chain";
import { EvidenceError, getErrnoCode, toWriteError } from "../errors/evidence-error";
import { syncDir } from "../util/sync-dir";
import { type VerificationReport, verifyBundle } from "../verify/verify-bundle";
import { SHA256_HEX, vaultBundlePath } from "./vault-layout";
import { createVerifyingTransform } from "./verified-read-stream";
import { assertZipIsSafe, DEFAULT_ZIP_LIMITS, type ZipSafetyLimits } from "./zip-safety";

/** Configuration of a vault on disk. */
export interface EvidenceVaultOptions {
  rootDir: string;
  /** Largest accepted upload; default 1 TiB. */
  maxBundleBytes?: number;
  limits?: ZipSafetyLimits;
  /** When set, only bundles signed by this key are accepted. */
  trustedPublicKeyPem?: string;
}

/**
 * Result of storing a bundle. Server custody rows continue the bundle's chain:
 * `appendCustodyEntry(custodyHead, { action: "vault.stored", … })`, then each access from the last row.
 */
export interface StoredBundle {
  sha256: string;
  size: number;
  deduplicated: boolean;
  verification: VerificationReport;
  custodyHeadHash: string;
  custodyHead: CustodyEntry;
}

/** A verified download: bytes are re-hashed while streaming. */
export interface VerifiedDownload {
  stream: Readable;
  size: number;
}

/** The server-agnostic vault: the lead wires it to HTTP routes and writes custody rows. */
export interface EvidenceVault {
  storeBundle(source: AsyncIterable<Buffer | Uint8Array>): Promise<StoredBundle>;
  openVerified(sha256: string): Promise<VerifiedDownload>;
  /** Full re-verification of a stored bundle (hashes, chain, signature), e.g. before export. */
  verifyStored(sha256: string): Promise<VerificationReport>;
}

/**
 * Content-addressed, write-once store at `<root>/sha256/ab/cd/<hash>` (mode 0444). Uploads stream to
 * `<root>/tmp` while hashed, are checked for traversal and zip bombs, verified, then hard-linked into
 * place: link() fails on an existing name, so a stored bundle is never overwritten, and equal
 * uploads are de-duplicated.
 */
export function createEvidenceVault(options: EvidenceVaultOptions): EvidenceVault {
  const root = path.resolve(options.rootDir);
  const maxBytes = options.maxBundleBytes ?? 2 ** 40;
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  const pathOf = (sha256: string) => vaultBundlePath(root, sha256);

  async function storeBundle(source: AsyncIterable<Buffer | Uint8Array>): Promise<StoredBundle> {
    await mkdir(path.join(root, "tmp"), { recursive: true, mode: 0o700 });
    const tempPath = path.join(root, "tmp", `${randomUUID()}.upload`);
    try {
      const { sha256, size } = await receiveUpload(source, tempPath, maxBytes);
      await assertZipIsSafe(tempPath, limits);
      const verification = await verifyBundle(tempPath, { trustedPublicKeyPem: options.trustedPublicKeyPem });
      if (!verification.ok) {
        throw new EvidenceError(
          "VERIFICATION_FAILED",
          {
            ja: `証拠バンドルの検証に失敗したため保管しません (${verification.failures.length} 件の不一致)`,
            en: `The evidence bundle failed verification and was not stored (${verification.failures.length} failures)`,
          },
          { failures: verification.failures },
        );
      }
      const finalPath = pathOf(sha256);
      await mkdir(path.dirname(finalPath), { recursive: true, mode: 0o755 });
      let deduplicated = false;
      try {
        await link(tempPath, finalPath);
        await chmod(finalPath, 0o444);
        await syncDir(path.dirname(finalPath));
      } catch (error) {
        if (getErrnoCode(error) !== "EEXIST") throw toWriteError(error, finalPath);
        deduplicated = true;
      }
      const custodyHead = verification.custody?.at(-1);
      if (!custodyHead) throw new Error("a verified bundle always has custody entries");
      return { sha256, size, deduplicated, verification, custodyHeadHash: custodyHead.hash, custodyHead };
    } finally {
      await unlink(tempPath).catch(() => undefined);
    }
  }

  async function openVerified(sha256: string): Promise<VerifiedDownload> {
    const file = await locate(sha256);
    const size = (await stat(file)).size;
    const stream = pipeline(createReadStream(file), createVerifyingTransform(sha256, size), () => undefined);
    return { stream, size };
  }

  async function verifyStored(sha256: string): Promise<VerificationReport> {
    return verifyBundle(await locate(sha256), { trustedPublicKeyPem: options.trustedPublicKeyPem });
  }

  async function locate(sha256: string): Promise<string> {
    const notFound = new EvidenceError("NOT_FOUND", {
      ja: `保管庫に証拠バンドルがありません: ${sha256}`,
      en: `No evidence bundle with this hash in the vault: ${sha256}`,
    });
    if (!SHA256_HEX.test(sha256)) throw notFound;
    try {
      await stat(pathOf(sha256));
    } catch {
      throw notFound;
    }
    return pathOf(sha256);
  }

  return { storeBundle, openVerified, verifyStored };
}

async function receiveUpload(
  source: AsyncIterable<Buffer | Uint8Array>,
  tempPath: string,
  maxBytes: number,
): Promise<{ sha256: string; size: number }> {
  const file = await open(tempPath, "wx", 0o600).catch((error: unknown) => {
    throw toWriteError(error, tempPath);
  });
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new EvidenceError("BUNDLE_TOO_LARGE", {
          ja: `アップロードが上限 ${maxBytes} バイトを超えました`,
          en: `The upload exceeds the limit of ${maxBytes} bytes`,
        });
      }
      hash.update(chunk);
      await file.write(chunk).catch((error: unknown) => {
        throw toWriteError(error, tempPath);
      });
    }
    await file.sync();
  } finally {
    await file.close();
  }
  return { sha256: hash.digest("hex"), size };
}
