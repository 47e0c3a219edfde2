import { z } from "zod";

/** Card brands handled by the hub's hand-over (issue 19). */
export const HUB_CARD_BRANDS = [
  "visa",
  "mastercard",
  "jcb",
  "amex",
  "diners",
  "discover",
  "unionpay",
] as const;
export const ZHubCardBrand = z.enum(HUB_CARD_BRANDS);
export type THubCardBrand = z.infer<typeof ZHubCardBrand>;

/** What was exposed with a number (beyond the number itself). Only flags: the values are never kept. */
export const ZHubCardExposure = z.object({
  expiry: z.boolean(),
  cvc: z.boolean(),
  holder: z.boolean(),
  threeDs: z.boolean(),
});
export type THubCardExposure = z.infer<typeof ZHubCardExposure>;

export const ZHubCardSourceKind = z.enum(["case", "phishing_url", "seized_dataset"]);
/** Where the numbers were learned: a case reference, a phishing URL (as inert text), a seized dataset's label. */
export const ZHubCardSource = z.object({ kind: ZHubCardSourceKind, ref: z.string().trim().min(1).max(500) });

export const ZHubCardSingleEntry = z.object({
  number: z.string().max(64),
  exposure: ZHubCardExposure,
  source: ZHubCardSource,
  learnedOn: z.iso.date(),
});

/** A bulk file, base64 (CSV, XLSX or plain text), with the defaults for lines that do not say. */
export const ZHubCardImportRequest = z.object({
  format: z.enum(["csv", "xlsx", "text"]),
  fileName: z.string().max(200).optional(),
  contentBase64: z.string().max(12_000_000),
  exposure: ZHubCardExposure,
  source: ZHubCardSource,
  learnedOn: z.iso.date(),
});

export const ZHubCardLineResult = z.object({
  line: z.int(),
  status: z.enum(["accepted", "duplicate", "refused"]),
  /** First six / last four of the digits read (null when too few digits to be a number). */
  masked: z.string().nullable(),
  brand: ZHubCardBrand.nullable(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
});
export type THubCardLineResult = z.infer<typeof ZHubCardLineResult>;

export const ZHubCardImportResult = z.object({
  importId: z.string(),
  accepted: z.int(),
  duplicates: z.int(),
  refused: z.int(),
  lines: z.array(ZHubCardLineResult),
});
export type THubCardImportResult = z.infer<typeof ZHubCardImportResult>;

export const ZHubCardEntry = z.object({
  id: z.string(),
  unitId: z.int(),
  masked: z.string(),
  brand: ZHubCardBrand,
  exposure: ZHubCardExposure,
  source: ZHubCardSource,
  learnedOn: z.string(),
  createdAt: z.string(),
  batchId: z.string().nullable(),
  /** From learning to the batch that carried it (or to now while waiting), in hours. */
  ageHours: z.number(),
});
export type THubCardEntry = z.infer<typeof ZHubCardEntry>;

export const ZHubCardEntriesQuery = z.object({
  unitId: z.coerce.number().int().min(0).max(47).optional(),
  status: z.enum(["waiting", "sent", "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime({ offset: true }).optional(),
});

export const ZHubCardDashboard = z.object({
  scope: z.enum(["national", "unit"]),
  waiting: z.array(
    z.object({
      brand: ZHubCardBrand,
      count: z.int(),
      oldestLearnedOn: z.string().nullable(),
      oldestAgeHours: z.number(),
    }),
  ),
  totalWaiting: z.int(),
});

export const ZHubCardManifest = z.object({
  brand: ZHubCardBrand,
  count: z.int(),
  exposure: z.object({
    numberOnly: z.int(),
    expiry: z.int(),
    cvc: z.int(),
    holder: z.int(),
    threeDs: z.int(),
  }),
  learnedFrom: z.string().nullable(),
  learnedTo: z.string().nullable(),
  /** SHA-256 of the plaintext CSV the brand gets after decrypting (so it can check it), hex. */
  fileSha256: z.string(),
  /** SHA-256 of the OpenPGP message as stored and downloaded, hex. */
  encryptedSha256: z.string(),
  recipientFingerprint: z.string(),
  reissueOf: z.string().nullable(),
});
export type THubCardManifest = z.infer<typeof ZHubCardManifest>;

export const ZHubCardBatch = z.object({
  id: z.string(),
  brand: ZHubCardBrand,
  count: z.int(),
  manifest: ZHubCardManifest,
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  reissueOf: z.string().nullable(),
});
export type THubCardBatch = z.infer<typeof ZHubCardBatch>;

export const ZHubCardRecipientRequest = z.object({
  brand: ZHubCardBrand,
  name: z.string().trim().min(1).max(200),
  publicKeyArmored: z.string().min(100).max(100_000),
});
export const ZHubCardRecipient = z.object({
  id: z.string(),
  brand: ZHubCardBrand,
  name: z.string(),
  fingerprint: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
