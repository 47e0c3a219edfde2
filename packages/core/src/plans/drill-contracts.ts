import { z } from "zod";
import { ZDrillInject, ZFindingSeverity } from "./drill-scenario";

const ZText = z.object({ ja: z.string(), en: z.string() });

export const ZDrillMode = z.enum(["realtime", "facilitated"]);

export const ZDrillScenarioSummary = z.object({
  id: z.string(),
  title: ZText,
  summary: ZText,
  source: ZText,
  durationMinutes: z.number().int(),
  injectCount: z.number().int(),
});
export const ZDrillScenarioList = z.object({ items: z.array(ZDrillScenarioSummary) });

export const ZDrillParticipant = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.string().trim().max(100).default(""),
});

export const ZStartDrillRequest = z.object({
  scenarioId: z.string().min(1).max(100),
  mode: ZDrillMode.default("facilitated"),
  participants: z.array(ZDrillParticipant).min(1).max(50),
});
export type TStartDrillRequest = z.input<typeof ZStartDrillRequest>;

export const ZRecordDecisionRequest = z.object({
  injectId: z.string().min(1).max(100),
  participant: z.string().trim().min(1).max(100),
  text: z.string().trim().min(1).max(2000),
});

export const ZParticipantFinding = z.object({
  severity: ZFindingSeverity,
  title: z.string().trim().min(1).max(300),
  fix: z.string().trim().min(1).max(1000),
});

export const ZFinishDrillRequest = z.object({
  summary: z.string().trim().max(4000).default(""),
  findings: z.array(ZParticipantFinding).max(50).default([]),
});

export const ZDrillDecision = z.object({
  id: z.string(),
  injectId: z.string(),
  participant: z.string(),
  text: z.string(),
  recordedAt: z.string(),
  /** Minutes from the drill start. */
  minute: z.number(),
});

export const ZDrillFinding = z.object({
  id: z.string(),
  drillId: z.string(),
  severity: ZFindingSeverity,
  title: ZText,
  fix: ZText,
  origin: z.enum(["scenario", "participant"]),
  status: z.enum(["open", "closed"]),
  createdAt: z.string(),
});
export type TDrillFinding = z.infer<typeof ZDrillFinding>;

/** A drill as the runner sees it: only the injects that are due are included. */
export const ZDrill = z.object({
  id: z.string(),
  scenario: ZDrillScenarioSummary,
  mode: ZDrillMode,
  participants: z.array(z.object({ name: z.string(), role: z.string() })),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: z.string().nullable(),
  dueInjects: z.array(ZDrillInject),
  hasMoreInjects: z.boolean(),
  decisions: z.array(ZDrillDecision),
  findings: z.array(ZDrillFinding),
});
export type TDrill = z.infer<typeof ZDrill>;

export const ZDrillHistoryEntry = z.object({
  id: z.string(),
  scenarioId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  participants: z.array(z.string()),
  findingCount: z.number().int(),
  openFindingCount: z.number().int(),
});
export type TDrillHistoryEntry = z.infer<typeof ZDrillHistoryEntry>;
export const ZDrillHistory = z.object({ items: z.array(ZDrillHistoryEntry) });
export const ZDrillFindingList = z.object({ items: z.array(ZDrillFinding) });
