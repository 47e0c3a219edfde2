import { z } from "zod";

/** Audit events of the plans area: business functions, generated documents and versions, drills. */
export const PLANS_EVENTS = [
  z.object({ type: z.literal("plans.business_function_created"), id: z.string(), name: z.string() }),
  z.object({
    type: z.literal("plans.business_function_updated"),
    id: z.string(),
    changes: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("plans.business_function_deleted"), id: z.string(), name: z.string() }),
  z.object({ type: z.literal("plans.document_generated"), kind: z.string(), version: z.number() }),
  z.object({ type: z.literal("plans.document_approved"), kind: z.string(), version: z.number() }),
  // Downloads are audited: a plan holds contacts and the recovery order, which attackers would value.
  z.object({
    type: z.literal("plans.document_downloaded"),
    kind: z.string(),
    version: z.number(),
    format: z.string(),
    lang: z.string(),
  }),
  z.object({ type: z.literal("plans.drill_started"), drillId: z.string(), scenarioId: z.string() }),
  z.object({ type: z.literal("plans.drill_inject_revealed"), drillId: z.string(), injectId: z.string() }),
  z.object({ type: z.literal("plans.drill_decision_recorded"), drillId: z.string(), injectId: z.string() }),
  z.object({ type: z.literal("plans.drill_finished"), drillId: z.string(), findings: z.number() }),
  z.object({ type: z.literal("plans.drill_report_downloaded"), drillId: z.string() }),
  z.object({ type: z.literal("plans.drill_finding_closed"), findingId: z.string() }),
] as const;
