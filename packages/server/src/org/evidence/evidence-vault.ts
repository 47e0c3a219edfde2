import { readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@sonae/core";
import { createEvidenceVault, EvidenceError, type EvidenceVault, vaultBundlePath } from "@sonae/evidence";
import type { AppDeps } from "../../app-deps";

/** Default upload limit: 2 GiB, overridable with SONAE_EVIDENCE_MAX_BYTES. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 2 * 1024 ** 3;

/** Largest bundle accepted for upload (bytes). */
export function evidenceMaxBytes(): number {
  const value = Number(process.env.SONAE_EVIDENCE_MAX_BYTES);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_EVIDENCE_MAX_BYTES;
}

/** Root folder of the content-addressed vault (`sonae backup` reads the same folder). */
export function evidenceRoot(deps: AppDeps): string {
  return path.join(deps.config.dataDir, "evidence");
}

/** The vault's own layout (`<root>/sha256/ab/cd/<hash>`, see vaultBundlePath) for read-only zip access. */
export function storedBundlePath(deps: AppDeps, sha256: string): string {
  return vaultBundlePath(evidenceRoot(deps), sha256);
}

const vaults = new Map<string, EvidenceVault>();

/** One vault per data folder. */
export function getVault(deps: AppDeps): EvidenceVault {
  const root = evidenceRoot(deps);
  let vault = vaults.get(root);
  if (!vault) {
    // SONAE_EVIDENCE_TRUSTED_KEY (a PEM file, from `sonae keys export-public`) pins the signer:
    // without it any correctly self-signed bundle is accepted and its fingerprint is shown.
    const keyFile = process.env.SONAE_EVIDENCE_TRUSTED_KEY;
    vault = createEvidenceVault({
      rootDir: root,
      maxBundleBytes: evidenceMaxBytes(),
      ...(keyFile ? { trustedPublicKeyPem: readFileSync(keyFile, "utf8") } : {}),
    });
    vaults.set(root, vault);
  }
  return vault;
}

/**
 * The one place where evidence-engine failures become API errors: rejected input is 422 with the
 * engine's own bilingual reason, a too-large upload 413, a full disk 507, a hash mismatch 500.
 */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof EvidenceError)) return error;
  const detail = withFailures(error);
  switch (error.code) {
    case "UNSAFE_ENTRY_NAME":
    case "ZIP_BOMB":
    case "VERIFICATION_FAILED":
    case "INVALID_BUNDLE":
      return new AppError("EVIDENCE_REJECTED", { detail, field: "file", cause: error });
    case "BUNDLE_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", { detail, field: "file", cause: error });
    case "DISK_FULL":
      return new AppError("STORAGE_FULL", { detail, cause: error });
    case "INTEGRITY":
      return new AppError("EVIDENCE_INTEGRITY", { detail, cause: error });
    case "NOT_FOUND":
      return new AppError("NOT_FOUND", { cause: error });
    default:
      return new AppError("INTERNAL", { cause: error });
  }
}

/** Runs an engine call, rethrowing its failures as AppError. */
export async function withEvidenceErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}

/** Names what failed (first five failures) so the person uploading sees it, not only a count. */
function withFailures(error: EvidenceError): { ja: string; en: string } {
  const failures = (error.details.failures ?? []) as Array<{
    subject: string;
    message: { ja: string; en: string };
  }>;
  if (failures.length === 0) return error.text;
  const list = failures.slice(0, 5);
  return {
    ja: `${error.text.ja}: ${list.map((f) => f.message.ja).join(" / ")}`,
    en: `${error.text.en}: ${list.map((f) => f.message.en).join(" / ")}`,
  };
}
