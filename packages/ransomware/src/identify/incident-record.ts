import { z } from "zod";
import type { TIdentifyResult } from "../result-schema";

/**
 * The compact, attacker-text-free summary the server stores on an incident (and in its audit
 * event) when a user identifies the family from inside an incident. Evidence values are left out
 * on purpose: they may hold live attacker contacts, and the full result can be recomputed.
 */
export const ZIdentificationRecord = z.object({
  status: z.enum(["identified", "unknown"]),
  family: z.string().nullable(),
  displayName: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  candidates: z.array(z.object({ family: z.string(), confidence: z.number() })).max(5),
  evidenceKinds: z.array(z.string()),
  hasKnownDecryptor: z.boolean(),
  hasPoliceTool: z.boolean(),
  knowledgeBaseAsOf: z.record(z.string(), z.string()),
});
export type TIdentificationRecord = z.infer<typeof ZIdentificationRecord>;

/** Builds the incident record from a full identification result. */
export function toIdentificationRecord(result: TIdentifyResult): TIdentificationRecord {
  const top = result.status === "identified" ? result.candidates[0] : undefined;
  return {
    status: result.status,
    family: top?.family ?? null,
    displayName: top?.displayName ?? null,
    confidence: result.candidates[0]?.confidence ?? 0,
    candidates: result.candidates.slice(0, 5).map((c) => ({ family: c.family, confidence: c.confidence })),
    evidenceKinds: [...new Set(top?.evidence.map((e) => e.kind) ?? [])].sort(),
    hasKnownDecryptor: result.guidance.decryptors.length > 0,
    hasPoliceTool: result.guidance.decryptors.some((d) => d.source === "npa-report"),
    knowledgeBaseAsOf: Object.fromEntries(result.knowledgeBase.sources.map((s) => [s.id, s.asOf])),
  };
}
