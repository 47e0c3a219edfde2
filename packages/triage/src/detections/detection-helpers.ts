import type { CountryLookup } from "../geo/ip-country";
import type {
  TDetection,
  TFirstResponseQuestion,
  TLocalizedText,
  TSeverity,
  TTimelineEvent,
} from "../timeline/timeline-event";
import { detectionMeta } from "./detection-catalogue";

/** What every detection rule gets: the sorted timeline plus per-file facts from the parser. */
export interface DetectionContext {
  events: TTimelineEvent[];
  /** EventRecordID gaps per EVTX source: [source, after id, before id]. */
  recordGaps: Array<{
    source: string;
    afterId: number;
    beforeId: number;
    afterEventId: string;
    /** The event before the gap (slimmed), handed over by the parser so rules need not keep every event. */
    afterEvent?: TTimelineEvent;
  }>;
  countries: CountryLookup | null;
}

/** A detection rule: pure function from context to findings. */
export type DetectionRule = (ctx: DetectionContext) => TDetection[];

/** Optional facts of a finding; ATT&CK ids and question default to the catalogue entry. */
export interface DetectionExtra {
  attribution?: string;
  attack?: string[];
  question?: TFirstResponseQuestion;
  accounts?: string[];
  remoteSources?: string[];
}

/** Builds a detection from its evidence (events must be non-empty). */
export function makeDetection(
  ruleId: string,
  title: TLocalizedText,
  explanation: TLocalizedText,
  severity: TSeverity,
  evidence: TTimelineEvent[],
  extra: DetectionExtra = {},
): TDetection {
  const sorted = [...evidence].sort((a, b) => a.time.localeCompare(b.time));
  const firstEvent = sorted[0];
  const lastEvent = sorted.at(-1);
  const meta = detectionMeta(ruleId);
  const question = extra.question ?? meta?.question;
  return {
    id: `${ruleId}:${firstEvent?.id ?? "none"}`,
    ruleId,
    origin: "builtin",
    title,
    explanation,
    severity,
    eventIds: sorted.map((e) => e.id),
    firstTime: firstEvent?.time ?? "",
    lastTime: lastEvent?.time ?? "",
    hosts: [...new Set(sorted.map((e) => e.host).filter(Boolean))],
    attack: extra.attack ?? meta?.attack ?? [],
    ...(question ? { question } : {}),
    ...(extra.attribution ? { attribution: extra.attribution } : {}),
    ...(extra.accounts?.length ? { accounts: extra.accounts } : {}),
    ...(extra.remoteSources?.length ? { remoteSources: extra.remoteSources } : {}),
  };
}

/** True for a Windows event from the given channel and id. */
export function isWindowsEvent(e: TTimelineEvent, channel: string, ...ids: number[]): boolean {
  return e.sourceType === "evtx" && e.channel === channel && e.eventId !== null && ids.includes(e.eventId);
}

/** Groups items by a key, keeping insertion order. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
