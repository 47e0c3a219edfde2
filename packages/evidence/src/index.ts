/**
 * @sonae/evidence: evidence preservation (issue 6). Preserve files into a signed ZIP64 bundle,
 * verify it, keep it in a write-once vault. Format: ../FORMAT.md.
 */

export type { Entry as ZipReaderEntry, ZipFile as ZipReader } from "yauzl";
export { createKeysCommand } from "./cli/keys-command";
export { createPreserveCommand } from "./cli/preserve-command";
export { createProgressReporter, type ProgressReporter } from "./cli/progress-reporter";
export { createVerifyCommand } from "./cli/verify-command";
export type { CollectorInfo } from "./collect/collector-info";
export { type ClockOffset, measureClockOffset } from "./collect/ntp-offset";
export {
  appendCustodyEntry,
  type CustodyEntry,
  type CustodyEvent,
  type CustodyFailure,
  computeCustodyHash,
  parseCustodyLog,
  verifyCustodyChain,
} from "./custody/custody-chain";
export { EvidenceError, type EvidenceErrorCode, type LocalisedText } from "./errors/evidence-error";
export {
  fingerprintPublicKey,
  getDefaultKeyDir,
  loadOrCreateSigningKey,
  type SigningKey,
  signingKeyFromPem,
  verifySignature,
} from "./keys/key-store";
export type { FileRecord, Manifest, ProblemRecord } from "./manifest/manifest-types";
export {
  type PreserveOptions,
  type PreserveProgress,
  type PreserveResult,
  preserveEvidence,
} from "./preserve/preserve-evidence";
export { BufferPool } from "./util/buffer-pool";
export { syncDir } from "./util/sync-dir";
export {
  createEvidenceVault,
  type EvidenceVault,
  type EvidenceVaultOptions,
  type StoredBundle,
  type VerifiedDownload,
} from "./vault/evidence-vault";
export { SHA256_HEX, vaultBundlePath, vaultRelativePath } from "./vault/vault-layout";
export { assertSafeEntryName, DEFAULT_ZIP_LIMITS, type ZipSafetyLimits } from "./vault/zip-safety";
export { type OpenedBundle, openBundle, readEntryBytes } from "./verify/bundle-reader";
export {
  type VerificationFailure,
  type VerificationReport,
  type VerifyOptions,
  verifyBundle,
} from "./verify/verify-bundle";
export type { ZipEntryRecord } from "./zip/zip-records";
export { checkZipStructure, type ZipStructureProblem, type ZipStructureReport } from "./zip/zip-structure";
export { type ZipEntryOptions, ZipWriter } from "./zip/zip-writer";
