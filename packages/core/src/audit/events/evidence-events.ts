import { z } from "zod";

const bundle = { incidentId: z.string(), sha256: z.string() };

/**
 * Audit events of the evidence area: evidence bundles, vault access and exports. Every access to a
 * bundle (view, download, manifest export, triage) is audited as well as written to its custody chain.
 */
export const EVIDENCE_EVENTS = [
  z.object({
    type: z.literal("evidence.uploaded"),
    ...bundle,
    sizeBytes: z.number(),
    deduplicated: z.boolean(),
    caseId: z.string(),
  }),
  z.object({ type: z.literal("evidence.viewed"), ...bundle }),
  z.object({
    type: z.literal("evidence.downloaded"),
    ...bundle,
    what: z.enum(["bundle", "manifest_csv"]),
  }),
  z.object({ type: z.literal("evidence.triage_started"), ...bundle, runId: z.string() }),
  z.object({
    type: z.literal("evidence.timeline_exported"),
    incidentId: z.string(),
    format: z.enum(["csv", "jsonl"]),
    events: z.number(),
  }),
  z.object({
    type: z.literal("evidence.kit_issued"),
    incidentId: z.string(),
    kitId: z.string(),
    platform: z.string(),
    issuedTo: z.string(),
    fingerprint: z.string(),
  }),
  z.object({
    type: z.literal("evidence.kit_upload_started"),
    incidentId: z.string(),
    kitId: z.string(),
    uploadId: z.string(),
    sizeBytes: z.number(),
    sha256: z.string(),
    resumed: z.boolean(),
  }),
  z.object({
    type: z.literal("evidence.kit_upload_completed"),
    incidentId: z.string(),
    kitId: z.string(),
    uploadId: z.string(),
    sha256: z.string(),
  }),
  z.object({
    type: z.literal("evidence.kit_upload_refused"),
    incidentId: z.string(),
    kitId: z.string(),
    reason: z.string(),
  }),
  z.object({ type: z.literal("evidence.signer_key_added"), fingerprint: z.string(), label: z.string() }),
  z.object({ type: z.literal("evidence.signer_key_removed"), fingerprint: z.string(), label: z.string() }),
] as const;
