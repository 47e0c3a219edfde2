import { z } from "zod";

const incident = { incidentId: z.string() };

/** Audit events of the incidents area: incidents, checklist, demand, indicators, deadlines, report exports. */
export const INCIDENTS_EVENTS = [
  z.object({ type: z.literal("incident.created"), ...incident, reference: z.string() }),
  z.object({ type: z.literal("incident.updated"), ...incident, fields: z.array(z.string()) }),
  /** Incidents are confidential: every view is recorded (issue 5 §8). */
  z.object({ type: z.literal("incident.viewed"), ...incident }),
  z.object({
    type: z.literal("incident.exported"),
    ...incident,
    format: z.enum(["pdf", "html", "json", "stix", "xlsx", "share-pdf", "share-stix"]),
  }),
  /** Opening the sharing preview shows incident data too, so it is recorded like a view. */
  z.object({ type: z.literal("incident.share_previewed"), ...incident }),
  z.object({
    type: z.literal("incident.form_sent"),
    ...incident,
    form: z.string(),
    version: z.number(),
    kind: z.string(),
  }),
  z.object({
    type: z.literal("incident.checklist_step_recorded"),
    ...incident,
    stepId: z.string(),
    done: z.boolean(),
  }),
  z.object({ type: z.literal("incident.timeline_added"), ...incident }),
  z.object({ type: z.literal("incident.demand_recorded"), ...incident, paid: z.string() }),
  z.object({ type: z.literal("incident.family_identified"), ...incident, familyName: z.string().nullable() }),
  z.object({
    type: z.literal("incident.indicators_added"),
    ...incident,
    count: z.number(),
    origin: z.enum(["extracted", "manual"]),
  }),
  z.object({ type: z.literal("incident.indicator_updated"), ...incident, indicatorId: z.string() }),
  z.object({ type: z.literal("incident.indicator_deleted"), ...incident, indicatorId: z.string() }),
  /** A warning-listed value made an indicator by a person: the reason and the lists it overrode. */
  z.object({
    type: z.literal("incident.indicator_promoted"),
    ...incident,
    indicatorId: z.string(),
    reason: z.string(),
    lists: z.array(z.string()),
  }),
  z.object({
    type: z.literal("incident.indicator_promotion_withdrawn"),
    ...incident,
    indicatorId: z.string(),
  }),
  z.object({
    type: z.literal("incident.report_recorded"),
    ...incident,
    obligationId: z.string(),
    status: z.string(),
  }),
  /** The four 規則7条 questions answered: whether the PPC must be told, and in how many days (確報). */
  z.object({
    type: z.literal("incident.ppc_assessed"),
    ...incident,
    status: z.string(),
    finalReportDays: z.number(),
  }),
  z.object({ type: z.literal("incident.team_changed"), userIds: z.array(z.string()) }),
] as const;
