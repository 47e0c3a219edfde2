import { z } from "zod";
import { ZChecklistStepView, ZTimelineEntry } from "./checklist-contracts";
import { ZDeadlineView } from "./deadline-contracts";
import { ZIncidentFamily, ZRansomDemand } from "./demand-contracts";
import {
  ZIncidentStatus,
  ZIncidentSymptom,
  ZIncidentTerminal,
  ZIntrusionMethod,
  ZPoliceRequest,
  ZTri,
  ZWizardStep,
} from "./incident-contracts";
import { ZIncidentIndicator } from "./indicator-contracts";
import { ZPpcAssessmentView } from "./ppc-assessment";

/** Everything the incident page shows, in one response (one audited view). */
export const ZIncidentDetail = z.object({
  id: z.string(),
  reference: z.string(),
  status: ZIncidentStatus,
  wizardStep: ZWizardStep,
  title: z.string(),
  symptoms: z.array(ZIncidentSymptom),
  discoveredAt: z.string().nullable(),
  discoveredBy: z.string().nullable(),
  discoveredHow: z.string().nullable(),
  learnedAt: z.string().nullable(),
  firstAnomalyAt: z.string().nullable(),
  summary: z.string().nullable(),
  businessImpact: z.string().nullable(),
  personalData: ZTri,
  request: ZPoliceRequest,
  intrusionMethod: ZIntrusionMethod,
  intrusionDetail: z.string().nullable(),
  terminals: z.array(ZIncidentTerminal),
  demand: ZRansomDemand.nullable(),
  family: ZIncidentFamily.nullable(),
  checklist: z.array(ZChecklistStepView),
  timeline: z.array(ZTimelineEntry),
  indicators: z.array(ZIncidentIndicator),
  deadlines: z.array(ZDeadlineView),
  /** The four 規則7条 questions and what they decide (PPC deadlines wait for them). */
  ppc: ZPpcAssessmentView,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TIncidentDetail = z.infer<typeof ZIncidentDetail>;

export const ZIncidentTeamResponse = z.object({
  members: z.array(
    z.object({ userId: z.string(), displayName: z.string(), email: z.string(), role: z.string() }),
  ),
});
export const ZSetIncidentTeamRequest = z.object({ userIds: z.array(z.uuid()).max(500) });

export const ZExportFormat = z.enum(["pdf", "json", "stix", "xlsx"]);
export type TExportFormat = z.infer<typeof ZExportFormat>;
export const ZExportParams = z.object({ id: z.uuid(), format: ZExportFormat });
