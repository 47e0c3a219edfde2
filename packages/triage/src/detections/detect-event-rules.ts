import type { TDetection, TLocalizedText, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byFirstEvent, byTimeAndId, overTimeline, slim } from "./builtin-rule";
import { detectionCatalogue, type TEventRule, type TEventRuleCondition } from "./detection-catalogue";
import { makeDetection } from "./detection-helpers";

const SHOWN_MAX = 160;

function fieldValues(e: TTimelineEvent, field: string): string[] {
  if (field === "*") return Object.values(e.details);
  if (field === "user") return [e.user];
  if (field === "source") return [e.sourceAddress];
  return [e.details[field] ?? ""];
}

/** Case-insensitive test of one condition; values are any-of, `not` inverts the whole entry. */
function holds(e: TTimelineEvent, c: TEventRuleCondition): boolean {
  const values = fieldValues(e, c.field).map((v) => v.toLowerCase());
  const test = (v: string): boolean => {
    if (c.equals) return c.equals.some((x) => v === x.toLowerCase());
    if (c.contains) return c.contains.some((x) => v.includes(x.toLowerCase()));
    if (c.startsWith) return c.startsWith.some((x) => v.startsWith(x.toLowerCase()));
    return (c.endsWith ?? []).some((x) => v.endsWith(x.toLowerCase()));
  };
  return values.some(test) !== c.not;
}

function fill(template: string, e: TTimelineEvent): string {
  return template.replace(/\{(host|user|source|f\.[^{}]{1,64})\}/g, (_m, key: string) => {
    const raw =
      key === "host"
        ? e.host
        : key === "user"
          ? e.user
          : key === "source"
            ? e.sourceAddress
            : (e.details[key.slice(2)] ?? "");
    const value = raw.trim() || "不明 / unknown";
    return value.length > SHOWN_MAX ? `${value.slice(0, SHOWN_MAX)}…` : value;
  });
}

function localized(text: TLocalizedText, e: TTimelineEvent, count: number): TLocalizedText {
  const times = count > 1 ? { ja: `（${count} 件）`, en: ` (${count} events)` } : { ja: "", en: "" };
  return { ja: fill(text.ja, e) + times.ja, en: fill(text.en, e) + times.en };
}

/** Rules indexed by "channel:eventId", so each event is tested only against its own rules. */
function indexRules(rules: TEventRule[]): Map<string, TEventRule[]> {
  const index = new Map<string, TEventRule[]>();
  for (const rule of rules) for (const key of rule.on) index.set(key, [...(index.get(key) ?? []), rule]);
  return index;
}

function finding(rule: TEventRule, group: TTimelineEvent[]): TDetection {
  const first = group[0] as TTimelineEvent;
  return makeDetection(
    rule.id,
    rule.title,
    localized(rule.explanation, first, group.length),
    rule.severity,
    group,
    {
      accounts: [...new Set(group.map((e) => e.user).filter(Boolean))],
      remoteSources: [...new Set(group.map((e) => e.sourceAddress).filter(Boolean))],
    },
  );
}

/** A `per: host` finding while events stream in: the earliest event in full (its fields fill the text), the rest slimmed. */
interface HostGroup {
  rule: TEventRule;
  first: TTimelineEvent;
  events: TTimelineEvent[];
}

/**
 * The single-event rules of content/triage/detections.yaml; their inputs are the rules' `on`
 * lists, read from the catalogue itself. `per: event` findings are made as the event passes;
 * `per: host` findings keep their evidence slimmed.
 */
export const eventRulesRule: BuiltinRule = {
  name: "catalogue event rules",
  get inputs() {
    return { windows: [...new Set(detectionCatalogue().events.flatMap((r) => r.on))], textLog: false };
  },
  start() {
    const index = indexRules(detectionCatalogue().events);
    const single: TDetection[] = [];
    const byHost = new Map<string, HostGroup>();
    return {
      add(e) {
        if (e.sourceType !== "evtx" || e.eventId === null) return;
        for (const rule of index.get(`${e.channel}:${e.eventId}`) ?? []) {
          if (!rule.where.every((c) => holds(e, c))) continue;
          if (rule.per !== "host") {
            single.push(finding(rule, [e]));
            continue;
          }
          const key = `${rule.id}\0${e.host}`;
          const group = byHost.get(key);
          if (!group) byHost.set(key, { rule, first: e, events: [slim(e)] });
          else {
            group.events.push(slim(e));
            if (byTimeAndId(e, group.first) < 0) group.first = e;
          }
        }
      },
      finish() {
        const grouped = [...byHost.values()].map(({ rule, first, events }) => {
          events.sort(byTimeAndId);
          events[0] = first;
          return finding(rule, events);
        });
        return [...single, ...grouped].sort(byFirstEvent);
      },
    };
  },
};

/** Runs the single-event rules of content/triage/detections.yaml over a list of events. */
export const detectEventRules = overTimeline(eventRulesRule);
