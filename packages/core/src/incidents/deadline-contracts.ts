import { z } from "zod";

const ZText = z.object({ ja: z.string().min(1), en: z.string().min(1) });

/** One reporting obligation, kept as data in content/deadlines/*.json with its legal rule. */
export const ZObligationRule = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: ZText,
  /** personal-data: only when personal data may be involved (個人情報保護法 第26条). */
  appliesWhen: z.enum(["always", "personal-data"]),
  mandatory: z.boolean(),
  /** Days after the organisation learned of it; `unauthorisedPurposeDays` replaces it in case 3 of 規則7条. */
  due: z
    .object({
      days: z.int().positive(),
      unauthorisedPurposeDays: z.int().positive().optional(),
      earliestDays: z.int().positive().optional(),
    })
    .nullable(),
  dueText: ZText,
  rule: ZText,
  source: z.object({
    label: z.string().min(1),
    url: z.url().optional(),
    kind: z.enum(["primary", "secondary"]),
    checkedOn: z.iso.date(),
  }),
});
export type TObligationRule = z.infer<typeof ZObligationRule>;
export const ZObligationRules = z.object({ obligations: z.array(ZObligationRule).min(1) });

export const ZReportStatus = z.enum(["pending", "done", "not_applicable"]);

/** What was reported to whom: when, which desk, which officer, the reference number. */
export const ZRecordReportRequest = z.object({
  status: ZReportStatus,
  doneAt: z.iso.datetime({ offset: true }).nullable().default(null),
  recipient: z.string().trim().max(300).nullable().default(null),
  officer: z.string().trim().max(200).nullable().default(null),
  referenceNumber: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type TRecordReportRequest = z.input<typeof ZRecordReportRequest>;
export const ZObligationParams = z.object({
  id: z.uuid(),
  obligationId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(80),
});

export const ZDeadlineView = z.object({
  obligationId: z.string(),
  title: ZText,
  mandatory: z.boolean(),
  applies: z.boolean(),
  /** A PPC duty that waits for the four 規則7条 questions: no date until they are answered. */
  awaitingPpcAssessment: z.boolean(),
  dueAt: z.string().nullable(),
  dueFrom: z.string().nullable(),
  dueText: ZText,
  rule: ZText,
  source: ZObligationRule.shape.source,
  status: ZReportStatus,
  doneAt: z.string().nullable(),
  recipient: z.string().nullable(),
  officer: z.string().nullable(),
  referenceNumber: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
});
export type TDeadlineView = z.infer<typeof ZDeadlineView>;

export const ZUpcomingDeadline = ZDeadlineView.extend({
  incidentId: z.string(),
  incidentReference: z.string(),
  incidentTitle: z.string(),
});
export const ZUpcomingDeadlinesResponse = z.object({ deadlines: z.array(ZUpcomingDeadline) });
export type TUpcomingDeadline = z.infer<typeof ZUpcomingDeadline>;
