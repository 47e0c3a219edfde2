import { z } from "zod";
import { ZIncidentSymptom } from "./incident-contracts";

const ZText = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const ZSource = z.object({
  label: z.string().min(1),
  url: z.url().optional(),
  kind: z.enum(["primary", "secondary", "synthesis"]),
});

/**
 * A checklist kept as data in content/checklists/*.json. A step applies when the incident has any of
 * its `symptoms` (or always when the list is empty). `when` adds a condition read from the register.
 */
export const ZChecklistContent = z.object({
  id: z.enum(["first-response", "disclosure"]),
  title: ZText,
  steps: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        symptoms: z.array(ZIncidentSymptom),
        when: z.enum(["memory-log-devices"]).optional(),
        title: ZText,
        detail: ZText,
        /** A link inside the app, e.g. /evidence (証拠保全へ). */
        link: z.object({ path: z.string().startsWith("/"), label: ZText }).optional(),
        /** Show the police desk the organisation recorded. */
        showPoliceDesk: z.boolean().optional(),
        showInsurer: z.boolean().optional(),
        /** Show the police's explanation about payment, or other fixed notes. */
        source: ZSource,
      }),
    )
    .min(1),
});
export type TChecklistContent = z.infer<typeof ZChecklistContent>;

export const ZChecklistStepView = z.object({
  checklist: z.enum(["first-response", "disclosure"]),
  id: z.string(),
  title: ZText,
  detail: ZText,
  link: z.object({ path: z.string(), label: ZText }).nullable(),
  source: ZSource,
  done: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
  /** Register facts shown on the step: the police desk, the insurer, devices whose logs are in memory. */
  facts: z.array(z.object({ label: ZText, value: z.string(), verifiedAt: z.string().nullable() })),
});
export type TChecklistStepView = z.infer<typeof ZChecklistStepView>;

export const ZCompleteStepRequest = z.object({
  done: z.boolean(),
  at: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(2000).nullable().default(null),
});
export const ZStepParams = z.object({
  id: z.uuid(),
  stepId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(80),
});

export const ZTimelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  source: z.enum(["manual", "checklist", "report", "system"]),
  text: z.string(),
  isAction: z.boolean(),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;
export const ZCreateTimelineEntryRequest = z.object({
  at: z.iso.datetime({ offset: true }),
  text: z.string().trim().min(1).max(2000),
  isAction: z.boolean().default(false),
});
