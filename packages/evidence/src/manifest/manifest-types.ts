import type { CollectorInfo } from "../collect/collector-info";
import type { LocalisedText } from "../errors/evidence-error";

/** Hash algorithms beyond the mandatory SHA-256, for tools the police use. */
export type ExtraHashAlgorithm = "sha1" | "md5";

/** One preserved file, as recorded in manifest.json. */
export interface FileRecord {
  entryName: string;
  sourcePath: string;
  size: number;
  /** ISO 8601 UTC with nanoseconds, from fstat before reading. */
  mtime: string;
  ctime: string;
  atime: string;
  birthtime?: string;
  mode: number;
  sha256: string;
  sha1?: string;
  md5?: string;
  /** Whether the access time was protected with O_NOATIME (Linux; needs file ownership or root). */
  noAtime: boolean;
  /** Size or times changed while reading: the stored bytes are what was read. */
  changedWhileReading: boolean;
  changeDetail?: string;
}

/** Why a source was skipped or failed. */
export type ProblemKind =
  | "symlink-loop"
  | "device"
  | "fifo"
  | "socket"
  | "not-found"
  | "unreadable"
  | "locked"
  | "permission-denied"
  | "read-error"
  | "excluded";

/** A source that is not in the bundle, with the reason. */
export interface ProblemRecord {
  sourcePath: string;
  kind: ProblemKind;
  status: "skipped" | "error";
  reason: LocalisedText;
  errno?: string;
  detail?: string;
}

/** manifest.json: signed with Ed25519 (manifest.sig), described in FORMAT.md. */
export interface Manifest {
  format: "sonae-evidence-bundle";
  formatVersion: 1;
  case: { id: string; examiner: string };
  inputs: string[];
  collector: CollectorInfo;
  startedAt: string;
  endedAt: string;
  resumedAt: string[];
  hashAlgorithms: Array<"sha256" | ExtraHashAlgorithm>;
  compressionLevel: number;
  files: FileRecord[];
  problems: ProblemRecord[];
  totals: { files: number; bytes: number; problems: number; changedWhileReading: number };
  custodyHeadHash: string;
  signer: { fingerprint: string };
  complete: true;
}

/** Fixed names of the bundle's metadata entries. */
export const BUNDLE_ENTRIES = {
  manifest: "manifest.json",
  csv: "manifest.csv",
  custody: "custody.jsonl",
  signature: "manifest.sig",
  publicKey: "signer.pub",
  sums: "SHA256SUMS",
} as const;
