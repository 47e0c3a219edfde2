import { z } from "zod";
import { ZKbDecryptor, ZLocalisedText } from "./kb/kb-schema";

export const ZEvidenceKind = z.enum([
  "phrase",
  "extension",
  "note-filename",
  "onion",
  "email",
  "tox",
  "similar-note",
]);

/** One reason a family was proposed. `value` is attacker text: display it as inert text only. */
export const ZEvidence = z.object({
  kind: ZEvidenceKind,
  value: z.string().max(300),
  detail: ZLocalisedText,
});

export const ZCandidate = z.object({
  family: z.string(),
  displayName: z.string(),
  synonyms: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  evidence: z.array(ZEvidence),
});

export const ZGuidance = z.object({
  family: z.string().nullable(),
  decryptors: z.array(ZKbDecryptor),
  /** What is known about decryptors, with the date of that knowledge. */
  decryptorStatus: ZLocalisedText,
  policeTools: ZLocalisedText,
  preserve: z.array(ZLocalisedText),
  payment: z.object({ summary: ZLocalisedText, citation: z.string() }),
  /** Where to check for newer decryptors than the dated list (safe, official pages). */
  checkLive: z.array(z.object({ label: ZLocalisedText, url: z.url() })),
});

export const ZIdentifyResult = z.object({
  status: z.enum(["identified", "unknown"]),
  candidates: z.array(ZCandidate),
  guidance: ZGuidance,
  input: z.object({
    noteBytes: z.number(),
    noteEncoding: z.string().nullable(),
    noteWasHtml: z.boolean(),
    noteWasTruncated: z.boolean(),
    noteLooksBinary: z.boolean(),
    fileNames: z.number(),
    artefacts: z.number(),
  }),
  knowledgeBase: z.object({
    sources: z.array(z.object({ id: z.string(), name: z.string(), license: z.string(), asOf: z.string() })),
  }),
});

export type TEvidence = z.infer<typeof ZEvidence>;
export type TCandidate = z.infer<typeof ZCandidate>;
export type TGuidance = z.infer<typeof ZGuidance>;
export type TIdentifyResult = z.infer<typeof ZIdentifyResult>;

/** What the caller may give; every field is optional, at least one must carry something. */
export const ZIdentifyInput = z.object({
  noteText: z
    .union([z.string(), z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected bytes")])
    .optional(),
  noteFileName: z.string().max(1024).optional(),
  fileNames: z.array(z.string().max(1024)).max(10_000).optional(),
  extension: z.string().max(256).optional(),
  artefacts: z.array(z.string().max(4096)).max(10_000).optional(),
});
export type TIdentifyInput = z.infer<typeof ZIdentifyInput>;
