import { z } from "zod";

const opt = (max: number) => z.string().trim().max(max).nullable().default(null);

/**
 * The ransom demand as recorded from the note. `paid` is asked by the police; the UI shows their
 * explanation (payment does not guarantee recovery and funds further crime) before this field.
 */
export const ZRansomDemand = z.object({
  noteText: opt(100_000),
  noteFileName: opt(300),
  encryptedExtension: opt(100),
  contactChannels: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  amount: z.number().nonnegative().max(1e15).nullable().default(null),
  currency: opt(20),
  walletAddresses: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  deadline: z.iso.datetime({ offset: true }).nullable().default(null),
  leakSiteClaim: z.enum(["yes", "no", "unknown"]).default("unknown"),
  leakSiteNote: opt(2000),
  paid: z.enum(["no", "yes", "undecided"]).default("undecided"),
});
export type TRansomDemand = z.infer<typeof ZRansomDemand>;
export type TRansomDemandInput = z.input<typeof ZRansomDemand>;

/** The family identification recorded on the incident (from @sonae/ransomware). */
export const ZIncidentFamily = z.object({
  familyName: z.string().nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  identifiedAt: z.string(),
  candidates: z.array(z.object({ name: z.string(), score: z.number() })).max(10),
});
export type TIncidentFamily = z.infer<typeof ZIncidentFamily>;
