import { z } from "zod";

/** Bilingual user-facing text: Japanese first (the product's users), English too. */
export const ZLocalisedText = z.object({ ja: z.string().min(1), en: z.string().min(1) });

/** One source the knowledge base was derived from, with its license and the date of its content. */
export const ZKbSource = z.object({
  id: z.enum(["threatlabz-notes", "misp-galaxy", "nomoreransom", "npa-report"]),
  name: z.string(),
  license: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  reference: z.string(),
});

/** A decryptor known for a family: from No More Ransom's list or from the police report. */
export const ZKbDecryptor = z.object({
  name: z.string(),
  provider: z.string(),
  url: z.url().nullable(),
  knownAsOf: z.string(),
  source: z.enum(["nomoreransom", "npa-report"]),
});

/** One ransom note, stored as normalised text, with the artefacts found in it at build time. */
export const ZKbNote = z.object({
  id: z.string(),
  source: z.enum(["threatlabz", "misp"]),
  /** File-name pattern of the note as dropped ("*" marks a per-victim part), or null when unknown. */
  fileName: z.string().nullable(),
  text: z.string(),
  onions: z.array(z.string()),
  emails: z.array(z.string()),
  toxIds: z.array(z.string()),
});

/** Police help specific to a family, quoted from the NPA annual report. */
export const ZKbPoliceTool = z.object({ summary: ZLocalisedText, citation: z.string() });

export const ZKbFamily = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  displayName: z.string(),
  synonyms: z.array(z.string()),
  /** Encrypted-file extensions, lower-case with a leading dot (from MISP). */
  extensions: z.array(z.string()),
  /** Ransom-note file-name patterns from MISP ("*" marks a variable part). */
  noteFileNames: z.array(z.string()),
  /** Onion hosts MISP lists for the family (mostly leak sites). */
  onions: z.array(z.string()),
  /** E-mail addresses MISP embeds in extensions (Phobos/Dharma style ".id-…[mail].ext"). */
  emails: z.array(z.string()),
  notes: z.array(ZKbNote),
  decryptors: z.array(ZKbDecryptor),
  policeTool: ZKbPoliceTool.nullable(),
});

export const ZKnowledgeBase = z.object({
  schemaVersion: z.literal(1),
  sources: z.array(ZKbSource),
  families: z.array(ZKbFamily),
});

export type TKbSource = z.infer<typeof ZKbSource>;
export type TKbDecryptor = z.infer<typeof ZKbDecryptor>;
export type TKbPoliceTool = z.infer<typeof ZKbPoliceTool>;
export type TKbNote = z.infer<typeof ZKbNote>;
export type TKbFamily = z.infer<typeof ZKbFamily>;
export type TKnowledgeBase = z.infer<typeof ZKnowledgeBase>;
export type TLocalisedText = z.infer<typeof ZLocalisedText>;
