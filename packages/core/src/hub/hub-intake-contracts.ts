import { z } from "zod";
import { ZHubReportKind } from "./hub-contracts";
import { ZPublicFraudDetails } from "./hub-phishing-contracts";

/**
 * A signed submission from an organisation's Sonae instance. `body` is the exact JSON text that was
 * signed: canonical JSON of { payload, nonce, timestamp, submissionId, prefectureCode } (see
 * canonicalJson), so the hub verifies the bytes it received, not a re-serialisation.
 */
export const ZHubSignedRequest = z.object({
  publicKey: z.string().min(40).max(100).meta({ description: "Ed25519 public key, raw 32 bytes base64url" }),
  body: z.string().min(2).max(2_000_000),
  signature: z.string().min(80).max(100).meta({ description: "Ed25519 signature of body, base64url" }),
  enrolmentProof: z.string().max(40).optional().meta({
    description: "Proof of work over the public key; required when the hub does not know the key yet",
  }),
});
export type THubSignedRequest = z.infer<typeof ZHubSignedRequest>;

/** What an organisation signs for a submission. `payload` is a report package (documents' schema). */
export const ZHubSubmissionBody = z.object({
  type: z.literal("submission"),
  nonce: z.string().min(16).max(100),
  timestamp: z.string().datetime(),
  submissionId: z.string().min(8).max(100),
  orgName: z.string().trim().min(1).max(200),
  prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/),
  payload: z.unknown(),
});
export type THubSubmissionBody = z.infer<typeof ZHubSubmissionBody>;

/** Signed status / message requests from the organisation about one of its submissions. */
export const ZHubOrgCaseBody = z.object({
  type: z.enum(["status", "reply"]),
  nonce: z.string().min(16).max(100),
  timestamp: z.string().datetime(),
  reference: z.string().min(1).max(40),
  message: z.string().trim().min(1).max(10_000).optional(),
});
export type THubOrgCaseBody = z.infer<typeof ZHubOrgCaseBody>;

/** The receipt: given only after the submission has committed. */
export const ZHubReceipt = z.object({
  reference: z.string(),
  receivedAt: z.string(),
  unitId: z.int(),
  /** Public reporters' secret for the receipt link; absent for organisations (they sign instead). */
  receiptToken: z.string().optional(),
  keyStatus: z.enum(["pending", "active", "revoked"]).optional(),
});
export type THubReceipt = z.infer<typeof ZHubReceipt>;

export const ZHubPowChallenge = z.object({
  challenge: z.string(),
  bits: z.int(),
  expiresAt: z.string(),
});
export type THubPowChallenge = z.infer<typeof ZHubPowChallenge>;

/** The public web form (individuals, small shops without Sonae). */
export const ZHubPublicSubmission = z.object({
  kind: ZHubReportKind,
  prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/),
  name: z.string().trim().max(100).optional(),
  contact: z.string().trim().max(200).optional(),
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(20_000),
  occurredAt: z.string().max(40).optional(),
  /** Fraud reports (phishing, fake shop, support scam, …): the URLs go to the URL store (issue 17). */
  fraud: ZPublicFraudDetails.optional(),
  pow: z.object({ challenge: z.string().max(400), solution: z.string().max(40) }),
});
export type THubPublicSubmission = z.infer<typeof ZHubPublicSubmission>;
