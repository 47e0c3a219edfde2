import { z } from "zod";
import { ZChecklistStepView, ZTimelineEntry } from "./checklist-contracts";
import { ZDeadlineView } from "./deadline-contracts";
import { ZIncidentFamily, ZRansomDemand } from "./demand-contracts";
import {
  ZCriticalInfrastructure,
  ZIncidentDdos,
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
  ncoConsent: ZTri,
  criticalInfrastructure: ZCriticalInfrastructure,
  ddos: ZIncidentDdos.nullable(),
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

/** The police package formats, and the sharing copy (victim-identifying data removed) as PDF and STIX. */
export const ZExportFormat = z.enum(["pdf", "html", "json", "stix", "xlsx", "share-pdf", "share-stix"]);
export type TExportFormat = z.infer<typeof ZExportFormat>;
export const ZExportParams = z.object({ id: z.uuid(), format: ZExportFormat });

/** A common-form send (共通様式): each send is a version; follow-ups list what changed. */
export const ZFormKind = z.enum(["ransomware", "ddos"]);
export const ZReportKind = z.enum(["first", "follow-up", "final"]);
export const ZRecordFormSendRequest = z.object({
  form: ZFormKind,
  kind: ZReportKind,
  recipient: z.string().trim().min(1).max(300),
  reportNumber: z.string().trim().max(100).nullable().default(null),
  sentAt: z.iso.datetime({ offset: true }),
});
export type TRecordFormSendRequest = z.input<typeof ZRecordFormSendRequest>;
export const ZFormSend = z.object({
  id: z.string(),
  form: ZFormKind,
  version: z.number().int(),
  kind: ZReportKind,
  recipient: z.string(),
  reportNumber: z.string().nullable(),
  sentAt: z.string(),
  changes: z.array(z.object({ item: z.string(), before: z.string(), after: z.string() })),
  sentBy: z.string(),
});
export type TFormSend = z.infer<typeof ZFormSend>;
export const ZFormSendsResponse = z.object({
  sends: z.array(ZFormSend),
  /** Forms this incident fills, and what changed since each form's last send (the next follow-up). */
  pending: z.array(
    z.object({
      form: ZFormKind,
      nextVersion: z.number().int(),
      changes: z.array(z.object({ item: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
});
export type TFormSendsResponse = z.infer<typeof ZFormSendsResponse>;

/** What the sharing copy removes (preview before download). */
export const ZSharePreview = z.object({
  removed: z.array(z.object({ kind: z.string(), value: z.string() })),
});
export type TSharePreview = z.infer<typeof ZSharePreview>;
