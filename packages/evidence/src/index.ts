/**
 * @sonae/evidence: evidence preservation (issue 6). Preserve files into a signed ZIP64 bundle,
 * verify it, keep it in a write-once vault. Format: ../FORMAT.md.
 */
export { createKeysCommand } from "./cli/keys-command";
export { createPreserveCommand } from "./cli/preserve-command";
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
  verifySignature,
} from "./keys/key-store";
export type { FileRecord, Manifest, ProblemRecord } from "./manifest/manifest-types";
export {
  type PreserveOptions,
  type PreserveProgress,
  type PreserveResult,
  preserveEvidence,
} from "./preserve/preserve-evidence";
export {
  createEvidenceVault,
  type EvidenceVault,
  type EvidenceVaultOptions,
  type StoredBundle,
  type VerifiedDownload,
} from "./vault/evidence-vault";
export { assertSafeEntryName, DEFAULT_ZIP_LIMITS, type ZipSafetyLimits } from "./vault/zip-safety";
export {
  type VerificationFailure,
  type VerificationReport,
  type VerifyOptions,
  verifyBundle,
} from "./verify/verify-bundle";
