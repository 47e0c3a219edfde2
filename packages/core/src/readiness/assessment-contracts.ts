import { z } from "zod";
import { ZRegisterWarning } from "./backups-contracts";

const ZText = z.object({ ja: z.string().min(1), en: z.string().min(1) });

/** How an item's answer is found: from a register, from the plans area (hook), or by hand. */
export const ASSESSMENT_DERIVATIONS = [
  "contacts.police_desk",
  "devices.recorded",
  "devices.kev",
  "devices.mfa",
  "backups.offline_tested",
  "logs.off_device",
  "network.diagram",
  "plans.cyber_bcp",
  "plans.reviewed",
  "drills.held",
  "manual",
] as const;
export type AssessmentDerivation = (typeof ASSESSMENT_DERIVATIONS)[number];

export const ZChecklistSource = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  publisher: z.string().min(1),
  title: z.string().min(1),
  /** YYYY-MM-DD, or YYYY-MM when only the month of publication is known. */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  /** Where the text is kept for reviewers (path relative to the repository's shared folder). */
  reference: z.string().min(1),
});

export const ZCitation = z.object({ source: z.string(), section: z.string().min(1) });

/** A figure about the police's ransomware victims, to compare the organisation with. */
export const ZVictimFigure = z.object({ text: ZText, citation: ZCitation });

export const ZChecklistItem = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: ZText,
  why: ZText,
  citations: z.array(ZCitation).min(1),
  /** 1 (low) … 5 (critical): the weight in the score and the rank of the gap. */
  risk: z.number().int().min(1).max(5),
  derivation: z.enum(ASSESSMENT_DERIVATIONS),
  /** Only items that do not apply to everyone (e.g. DDoS measures for public services) accept "not applicable". */
  allowNotApplicable: z.boolean().default(false),
  fix: ZText,
  victimFigure: ZVictimFigure.optional(),
});
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

/** The checklist file content/readiness/checklist.json, validated at load. */
export const ZChecklist = z
  .object({
    version: z.number().int().min(1),
    sources: z.array(ZChecklistSource).min(1),
    items: z.array(ZChecklistItem).min(1),
  })
  .superRefine((c, ctx) => {
    const sourceIds = new Set(c.sources.map((s) => s.id));
    const itemIds = new Set<string>();
    c.items.forEach((item, i) => {
      if (itemIds.has(item.id))
        ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: "duplicate item id" });
      itemIds.add(item.id);
      const cites = [...item.citations, ...(item.victimFigure ? [item.victimFigure.citation] : [])];
      for (const cite of cites) {
        if (!sourceIds.has(cite.source)) {
          ctx.addIssue({ code: "custom", path: ["items", i], message: `unknown source ${cite.source}` });
        }
      }
    });
  });
export type TChecklist = z.infer<typeof ZChecklist>;

export const READINESS_ANSWERS = ["yes", "partial", "no", "not_applicable"] as const;
export const ZReadinessAnswerValue = z.enum(READINESS_ANSWERS);

export const ZSaveReadinessAnswerRequest = z.object({
  answer: ZReadinessAnswerValue,
  note: z.string().trim().max(2000).nullable().default(null),
});
export type TSaveReadinessAnswerRequest = z.infer<typeof ZSaveReadinessAnswerRequest>;

export const ITEM_STATUSES = ["met", "partial", "unmet", "unknown", "not_applicable"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ZAssessedItem = z.object({
  id: z.string(),
  title: ZText,
  why: ZText,
  fix: ZText,
  citations: z.array(ZCitation),
  risk: z.number(),
  derivation: z.enum(ASSESSMENT_DERIVATIONS),
  allowNotApplicable: z.boolean(),
  status: z.enum(ITEM_STATUSES),
  /** Where the status came from: a register, a manual answer, or nothing yet. */
  basis: z.enum(["register", "manual", "none"]),
  reason: ZText,
  answer: ZReadinessAnswerValue.nullable(),
  note: z.string().nullable(),
  victimFigure: ZVictimFigure.optional(),
  /** Share of the weight earned when the derivation sets it (KEV: unknown entries weigh lightly). */
  credit: z.number().min(0).max(1).optional(),
});
export type TAssessedItem = z.infer<typeof ZAssessedItem>;

export const ZReadinessGap = z.object({
  itemId: z.string(),
  rank: z.number().int(),
  title: ZText,
  status: z.enum(ITEM_STATUSES),
  risk: z.number(),
  reason: ZText,
  fix: ZText,
  /** Share of the weight kept (see ZAssessedItem.credit): ranks the gap by what it really loses. */
  credit: z.number().min(0).max(1).optional(),
});
export type TReadinessGap = z.infer<typeof ZReadinessGap>;

export const ZReadinessSnapshot = z.object({ at: z.string(), score: z.number() });

export const ZReadinessAssessment = z.object({
  /** null until at least one item has an answer: no invented score. */
  score: z.number().int().min(0).max(100).nullable(),
  answered: z.number().int(),
  applicable: z.number().int(),
  items: z.array(ZAssessedItem),
  gaps: z.array(ZReadinessGap),
  history: z.array(ZReadinessSnapshot),
  sources: z.array(ZChecklistSource),
});
export type TReadinessAssessment = z.infer<typeof ZReadinessAssessment>;

/** The dashboard's readiness summary. Every list is real data; empty lists mean "nothing recorded". */
export const ZReadinessDashboard = z.object({
  score: z.number().int().nullable(),
  answered: z.number().int(),
  applicable: z.number().int(),
  history: z.array(ZReadinessSnapshot),
  topGaps: z.array(ZReadinessGap),
  kev: z.object({
    /** The catalogue the devices were matched against (source and date shown to users); null when unavailable. */
    catalog: z.object({ version: z.string(), dateReleased: z.string() }).nullable(),
    /** How many devices of the register were checked (0: the register is empty, so "no match" means nothing). */
    checkedDevices: z.number().int(),
    devices: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        matches: z.number(),
        /** Entries whose verdict is affected / unknown (matches = affected + unknown). */
        affected: z.number(),
        unknown: z.number(),
        ransomwareUse: z.number(),
        cves: z.array(z.string()),
      }),
    ),
  }),
  /** How many contacts are recorded at all. */
  contactCount: z.number().int(),
  staleContacts: z.array(
    z.object({ id: z.string(), name: z.string(), category: z.string(), verifiedAt: z.string().nullable() }),
  ),
  backups: z.object({
    count: z.number().int(),
    findings: z.array(ZRegisterWarning),
    setsWithWarnings: z.number().int(),
  }),
  logs: z.object({
    count: z.number().int(),
    findings: z.array(ZRegisterWarning),
    sourcesWithWarnings: z.number().int(),
  }),
});
export type TReadinessDashboard = z.infer<typeof ZReadinessDashboard>;
