import { z } from "zod";

/** Text shown to users: Japanese first, English too. */
export const ZLocalizedText = z.object({ ja: z.string(), en: z.string() });
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

/**
 * One event on the incident timeline, whatever its origin (EVTX record or text-log line).
 * `time` is UTC (ISO 8601, `Z`); `timeJst` is the same instant for display in Japan (UTC+9,
 * no daylight saving). JSON-serialisable so the server can store it and the web UI can show it.
 */
export const ZTimelineEvent = z.object({
  /** Stable id: `<source>#<record id or line number>`; detections point at it. */
  id: z.string(),
  time: z.string(),
  timeJst: z.string(),
  host: z.string(),
  /** File (relative path or bundle entry) the event came from. */
  source: z.string(),
  sourceType: z.enum(["evtx", "text-log"]),
  /** Channel (EVTX) or log format (text logs), e.g. "Security", "fortigate". */
  channel: z.string(),
  /** Windows event id, or null for text logs. */
  eventId: z.number().int().nullable(),
  /** Short label, e.g. "4624 ログオン成功 / Logon success" or "SSL-VPN login failed". */
  event: z.string(),
  user: z.string(),
  sourceAddress: z.string(),
  /** Remaining fields (EventData, parsed log fields) as text. */
  details: z.record(z.string(), z.string()),
  /**
   * True for an EVTX record recovered from slack space: deleted or overwritten, so not in the
   * live log (after a log clearing these are often all that is left). Absent for live events.
   */
  recovered: z.boolean().optional(),
});
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;

export const ZSeverity = z.enum(["critical", "high", "medium", "low", "info"]);
export type TSeverity = z.infer<typeof ZSeverity>;

/** Where a Sigma rule set came from: shown with every Sigma result (facts carry source and date). */
export const ZSigmaRuleSetSource = z.object({
  name: z.string(),
  /** Commit or release date of the rules, or null for a user folder without one. */
  date: z.string().nullable(),
  commit: z.string().optional(),
  repository: z.string().optional(),
  /** True for the rules shipped in content/sigma, false for a configured folder. */
  isShipped: z.boolean(),
});
export type TSigmaRuleSetSource = z.infer<typeof ZSigmaRuleSetSource>;

/**
 * The Sigma rule behind a detection. The Detection Rule License 1.1 requires the `author` on
 * every alert and a link to the rule; `link` is shown as inert text, never fetched.
 */
export const ZSigmaRuleRef = z.object({
  id: z.string(),
  author: z.string(),
  /** Path inside the rule set, e.g. rules/windows/builtin/security/win_security_audit_log_cleared.yml. */
  path: z.string(),
  link: z.string(),
  /** SigmaHQ status (stable, test, experimental): experimental rules are marked in the UI. */
  status: z.string(),
  licence: z.string(),
  ruleSet: ZSigmaRuleSetSource,
});
export type TSigmaRuleRef = z.infer<typeof ZSigmaRuleRef>;

/** The first-response question a finding answers (侵入経路 / 足場と横展開 / 防御回避と被害). */
export const ZFirstResponseQuestion = z.enum(["way-in", "foothold", "evasion-impact", "other"]);
export type TFirstResponseQuestion = z.infer<typeof ZFirstResponseQuestion>;

/** One rule behind a finding: a built-in detection and Sigma rules on the same events are merged. */
export const ZFindingSource = z.object({
  origin: z.enum(["builtin", "sigma"]),
  ruleId: z.string(),
  title: ZLocalizedText,
  /** Rule author and licence (Sigma, DRL 1.1) or data attribution. */
  attribution: z.string().optional(),
  sigma: ZSigmaRuleRef.optional(),
});
export type TFindingSource = z.infer<typeof ZFindingSource>;

/**
 * A finding for first response: which rule, why it matters (Japanese first), how bad, and the
 * events that prove it. Sigma findings carry the rule author, which the Detection Rule License
 * 1.1 requires in every alert; geolocated findings carry the DB-IP attribution (CC BY 4.0).
 */
export const ZDetection = z.object({
  id: z.string(),
  ruleId: z.string(),
  origin: z.enum(["builtin", "sigma"]),
  title: ZLocalizedText,
  explanation: ZLocalizedText,
  severity: ZSeverity,
  /** Ids of the matching timeline events (evidence), oldest first. */
  eventIds: z.array(z.string()),
  firstTime: z.string(),
  lastTime: z.string(),
  hosts: z.array(z.string()),
  /** Rule author and license (Sigma), or data attribution (IP geolocation). */
  attribution: z.string().optional(),
  /** Set on Sigma detections: author, link text, status and rule set. */
  sigma: ZSigmaRuleRef.optional(),
  /** MITRE ATT&CK technique ids, e.g. ["T1110.003"]. */
  attack: z.array(z.string()),
  /** Which first-response question it answers (absent: context only). */
  question: ZFirstResponseQuestion.optional(),
  /** Accounts involved (targets of a spray, created admins, logged-on users). */
  accounts: z.array(z.string()).optional(),
  /** Where it came from: source addresses or host names of the other side. */
  remoteSources: z.array(z.string()).optional(),
  /** Every rule behind this finding when several fired on the same events (author kept, DRL 1.1). */
  sources: z.array(ZFindingSource).optional(),
});
export type TDetection = z.infer<typeof ZDetection>;

/** Something in the input that could not be read completely; shown, never hidden. */
export const ZTriageProblem = z.object({
  source: z.string(),
  offset: z.number().optional(),
  reason: z.string(),
});
export type TTriageProblem = z.infer<typeof ZTriageProblem>;

/** Result of a triage run. */
export const ZTriageResult = z.object({
  events: z.array(ZTimelineEvent),
  detections: z.array(ZDetection),
  problems: z.array(ZTriageProblem),
});
export type TTriageResult = z.infer<typeof ZTriageResult>;
