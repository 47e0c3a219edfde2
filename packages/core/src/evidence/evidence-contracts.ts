import { z } from "zod";

/** Text for people, Japanese first. */
const ZText = z.object({ ja: z.string(), en: z.string() });

/** `:id` of an incident and `:sha256` of one of its bundles. */
export const ZEvidenceParams = z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const ZEvidenceIncidentParams = z.object({ id: z.uuid() });

/** One thing verification found wrong, naming the entry (FORMAT.md codes, e.g. FILE_SHA256_MISMATCH). */
export const ZEvidenceFailure = z.object({ code: z.string(), subject: z.string(), message: ZText });
export type TEvidenceFailure = z.infer<typeof ZEvidenceFailure>;

/** Outcome of verification at upload (and again on demand). */
export const ZEvidenceVerification = z.object({
  ok: z.boolean(),
  filesChecked: z.number(),
  bytesChecked: z.number(),
  signerFingerprint: z.string().nullable(),
  failures: z.array(ZEvidenceFailure),
  verifiedAt: z.string(),
});
export type TEvidenceVerification = z.infer<typeof ZEvidenceVerification>;

/**
 * Who signed a bundle, as far as this installation knows: its own key, a collector kit it issued,
 * a key a person added, or nobody it knows ("signature valid — signer unknown", never 検証済み).
 */
export const ZEvidenceSigner = z.object({
  status: z.enum(["installation", "kit", "person", "unknown"]),
  fingerprint: z.string(),
  label: z.string().nullable(),
  kitId: z.string().nullable(),
  issuedTo: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type TEvidenceSigner = z.infer<typeof ZEvidenceSigner>;

/** A key this installation knows as an evidence signer (listed on the known-keys page). */
export const ZSignerKey = z.object({
  id: z.string().nullable(),
  kind: z.enum(["installation", "kit", "person"]),
  fingerprint: z.string(),
  publicKeyPem: z.string(),
  label: z.string(),
  kitId: z.string().nullable(),
  incidentId: z.string().nullable(),
  platform: z.string().nullable(),
  issuedTo: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type TSignerKey = z.infer<typeof ZSignerKey>;

/** Adding a signer key by hand (PEM of an Ed25519 public key). */
export const ZAddSignerKeyRequest = z.object({
  label: z.string().trim().min(1).max(200),
  publicKeyPem: z.string().trim().min(40).max(2000),
});

/** Issuing a collector kit for an incident. */
export const ZIssueKitRequest = z.object({
  platform: z.enum(["linux-x64", "windows-x64"]),
  issuedTo: z.string().trim().min(1).max(200),
  extraPaths: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
  /** Encrypt bundles to the organisation key, so a lost USB stick reveals nothing. */
  encrypt: z.boolean().default(false),
  /** Ids from content/collect to include; absent = every target of the platform. */
  targetIds: z.array(z.string().max(100)).max(200).optional(),
  /** The kit may upload its bundle back to this server (it asks first); off by default. */
  uploadUrl: z.string().trim().url().max(500).nullable().default(null),
});
export type TIssueKitRequest = z.infer<typeof ZIssueKitRequest>;

/** A bundle in the incident's evidence list. */
export const ZEvidenceBundle = z.object({
  id: z.string(),
  incidentId: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  fileName: z.string(),
  caseId: z.string(),
  examiner: z.string(),
  signerFingerprint: z.string(),
  verified: z.boolean(),
  signer: ZEvidenceSigner,
  fileCount: z.number(),
  problemCount: z.number(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  deduplicated: z.boolean().optional(),
});
export type TEvidenceBundle = z.infer<typeof ZEvidenceBundle>;

/** One custody entry: the bundle's own (custody.jsonl) or the server's continuation. */
export const ZCustodyEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string().nullable(),
  hash: z.string(),
  origin: z.enum(["bundle", "server"]),
});
export type TCustodyEntryView = z.infer<typeof ZCustodyEntryView>;

/** A preserved file as listed in the signed manifest. */
export const ZEvidenceFile = z.object({
  entryName: z.string(),
  sourcePath: z.string(),
  size: z.number(),
  mtime: z.string(),
  sha256: z.string(),
  changedWhileReading: z.boolean(),
});

/** A source the collector could not preserve, with its reason (read errors). */
export const ZEvidenceProblem = z.object({ sourcePath: z.string(), kind: z.string(), reason: ZText });

/** Detail of one bundle: manifest summary, verification and the whole custody chain with its check. */
export const ZEvidenceBundleDetail = ZEvidenceBundle.extend({
  collector: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  endedAt: z.string(),
  files: z.array(ZEvidenceFile),
  problems: z.array(ZEvidenceProblem),
  verification: ZEvidenceVerification,
  custody: z.array(ZCustodyEntryView),
  custodyValid: z.boolean(),
  custodyFailures: z.array(z.object({ index: z.number(), code: z.string(), message: ZText })),
});
export type TEvidenceBundleDetail = z.infer<typeof ZEvidenceBundleDetail>;

/** Incidents of the organisation with their bundles, for the evidence page. */
export const ZEvidenceOverview = z.array(
  z.object({
    incidentId: z.string(),
    reference: z.string(),
    title: z.string(),
    status: z.string(),
    bundles: z.array(ZEvidenceBundle),
  }),
);
export type TEvidenceOverview = z.infer<typeof ZEvidenceOverview>;
