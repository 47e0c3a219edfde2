import { z } from "zod";

const ZText = z.object({ ja: z.string(), en: z.string() });

/** One timeline event (the shape of `@sonae/triage`'s TimelineEvent, for the browser). */
export const ZTimelineEventView = z.object({
  id: z.string(),
  time: z.string(),
  timeJst: z.string(),
  host: z.string(),
  source: z.string(),
  sourceType: z.enum(["evtx", "text-log"]),
  channel: z.string(),
  eventId: z.number().int().nullable(),
  event: z.string(),
  user: z.string(),
  sourceAddress: z.string(),
  details: z.record(z.string(), z.string()),
  /** Recovered from EVTX slack space (deleted or overwritten record). */
  recovered: z.boolean().optional(),
});
export type TTimelineEventView = z.infer<typeof ZTimelineEventView>;

/** Rule set behind Sigma results (the shape of `@sonae/triage`'s ZSigmaRuleSetSource). */
export const ZSigmaRuleSetView = z.object({
  name: z.string(),
  date: z.string().nullable(),
  commit: z.string().optional(),
  repository: z.string().optional(),
  isShipped: z.boolean(),
});
export type TSigmaRuleSetView = z.infer<typeof ZSigmaRuleSetView>;

/** The Sigma rule behind a detection: author and link text are shown with every hit (DRL 1.1). */
export const ZSigmaRuleRefView = z.object({
  id: z.string(),
  author: z.string(),
  path: z.string(),
  link: z.string(),
  status: z.string(),
  licence: z.string(),
  ruleSet: ZSigmaRuleSetView,
});
export type TSigmaRuleRefView = z.infer<typeof ZSigmaRuleRefView>;

/** The first-response question a finding answers (侵入経路 / 足場と横展開 / 防御回避と被害). */
export const ZFirstResponseQuestion = z.enum(["way-in", "foothold", "evasion-impact", "other"]);
export type TFirstResponseQuestion = z.infer<typeof ZFirstResponseQuestion>;

/** One rule behind a merged finding (built-in or Sigma; Sigma keeps its author, DRL 1.1). */
export const ZFindingSourceView = z.object({
  origin: z.enum(["builtin", "sigma"]),
  ruleId: z.string(),
  title: ZText,
  attribution: z.string().optional(),
  sigma: ZSigmaRuleRefView.optional(),
});
export type TFindingSourceView = z.infer<typeof ZFindingSourceView>;

/** A first-response finding; Sigma ones carry rule author and licence in `attribution` (DRL 1.1). */
export const ZDetectionView = z.object({
  id: z.string(),
  ruleId: z.string(),
  origin: z.enum(["builtin", "sigma"]),
  title: ZText,
  explanation: ZText,
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  eventIds: z.array(z.string()),
  firstTime: z.string(),
  lastTime: z.string(),
  hosts: z.array(z.string()),
  attribution: z.string().optional(),
  sigma: ZSigmaRuleRefView.optional(),
  /** MITRE ATT&CK technique ids; runs stored before they existed read as none. */
  attack: z.array(z.string()).default([]),
  question: ZFirstResponseQuestion.optional(),
  accounts: z.array(z.string()).optional(),
  remoteSources: z.array(z.string()).optional(),
  sources: z.array(ZFindingSourceView).optional(),
  bundleSha256: z.string(),
});
export type TDetectionView = z.infer<typeof ZDetectionView>;

/** Status of a triage run over one bundle, polled by the UI. */
export const ZTriageRun = z.object({
  id: z.string(),
  bundleSha256: z.string(),
  status: z.enum(["running", "done", "failed"]),
  progress: z.object({ fileIndex: z.number(), fileCount: z.number(), file: z.string() }).partial(),
  eventCount: z.number(),
  detectionCount: z.number(),
  problems: z.array(z.object({ source: z.string(), reason: z.string() })),
  error: z.string().nullable(),
  /** Which Sigma rules ran (null: none), so the UI can say which rule set and date were used. */
  sigma: z
    .object({
      ruleSet: ZSigmaRuleSetView,
      rulesRun: z.number(),
      skipped: z.array(z.object({ reason: z.string(), count: z.number() })),
    })
    .nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TTriageRun = z.infer<typeof ZTriageRun>;

/** Timeline query (same fields as `@sonae/triage` ZTimelineQuery) for HTTP and the UI state. */
export const ZTimelineQueryView = z.object({
  q: z.string().optional(),
  host: z.string().optional(),
  source: z.string().optional(),
  eventId: z.coerce.number().int().optional(),
  user: z.string().optional(),
  sourceAddress: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  detectionId: z.string().optional(),
  sort: z.enum(["time", "-time", "host", "event", "user", "sourceAddress"]).default("time"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});
export type TTimelineQueryView = z.infer<typeof ZTimelineQueryView>;

/** One page of the incident timeline. */
export const ZTimelinePage = z.object({
  total: z.number(),
  events: z.array(ZTimelineEventView),
  sources: z.array(z.string()),
  hosts: z.array(z.string()),
});
export type TTimelinePage = z.infer<typeof ZTimelinePage>;
