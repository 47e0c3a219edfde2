import type { TTimelineEvent } from "../timeline/timeline-event";
import type { SigmaRule } from "./sigma-rule";
import { SigmaRuleIndex } from "./sigma-rule-index";
import { isRuleApplicable } from "./sigma-windows-mapping";

/** Events of one kind (channel and event id) see the same rules. */
export function kindKey(e: TTimelineEvent): string {
  return `${e.channel}\0${e.eventId ?? ""}`;
}

/** EVTX events grouped by kind, in input order within each kind. */
export function groupByKind(events: TTimelineEvent[]): Map<string, TTimelineEvent[]> {
  const byKind = new Map<string, TTimelineEvent[]>();
  for (const e of events) {
    if (e.sourceType !== "evtx") continue;
    const key = kindKey(e);
    const list = byKind.get(key);
    if (list) list.push(e);
    else byKind.set(key, [e]);
  }
  return byKind;
}

interface KindEntry {
  rules: SigmaRule[];
  index?: SigmaRuleIndex;
}

/** Per rule list: the applicable rules of each kind and their literal index, built once. */
const cache = new WeakMap<SigmaRule[], Map<string, KindEntry>>();
/**
 * Per rule list: one entry per distinct list of applicable rules, shared by the kinds that have
 * it (Sysmon 1 and Security 4688 both see the process_creation rules): one index, not one per kind.
 */
const shared = new WeakMap<SigmaRule[], Map<string, KindEntry>>();

function entryFor(rules: SigmaRule[], e: TTimelineEvent) {
  let byKey = cache.get(rules);
  if (!byKey) {
    byKey = new Map();
    cache.set(rules, byKey);
  }
  const key = kindKey(e);
  let entry = byKey.get(key);
  if (!entry) {
    // Applicability depends only on source type, channel and event id, all part of the key.
    const id = e.eventId === null ? "" : String(e.eventId);
    const positions: number[] = [];
    rules.forEach((r, i) => {
      if (isRuleApplicable(r, e) && (r.eventIds === null || r.eventIds.has(id))) positions.push(i);
    });
    let byList = shared.get(rules);
    if (!byList) {
      byList = new Map();
      shared.set(rules, byList);
    }
    const listKey = positions.join(",");
    entry = byList.get(listKey);
    if (!entry) {
      entry = { rules: positions.map((i) => rules[i] as SigmaRule) };
      byList.set(listKey, entry);
    }
    byKey.set(key, entry);
  }
  return entry;
}

/** Rules whose logsource and event ids cover this kind of event. */
export function applicableRules(rules: SigmaRule[], e: TTimelineEvent): SigmaRule[] {
  return entryFor(rules, e).rules;
}

/** The literal index of the applicable rules of this kind of event. */
export function applicableIndex(rules: SigmaRule[], e: TTimelineEvent): SigmaRuleIndex {
  const entry = entryFor(rules, e);
  entry.index ??= new SigmaRuleIndex(entry.rules);
  return entry.index;
}

/** Restores input order in each rule's hit list when hits came from several kinds. */
export function inInputOrder(
  hits: Map<SigmaRule, TTimelineEvent[]>,
  events: TTimelineEvent[],
  kinds: number,
) {
  if (kinds <= 1) return hits;
  const order = new Map(events.map((e, i) => [e, i]));
  for (const list of hits.values()) list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return hits;
}
