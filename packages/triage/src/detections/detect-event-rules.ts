import type { TLocalizedText, TTimelineEvent } from "../timeline/timeline-event";
import { detectionCatalogue, type TEventRule, type TEventRuleCondition } from "./detection-catalogue";
import { type DetectionRule, groupBy, makeDetection } from "./detection-helpers";

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

/** Runs the single-event rules of content/triage/detections.yaml. */
export const detectEventRules: DetectionRule = (ctx) => {
  const index = indexRules(detectionCatalogue().events);
  const hits = new Map<TEventRule, TTimelineEvent[]>();
  for (const e of ctx.events) {
    if (e.sourceType !== "evtx" || e.eventId === null) continue;
    for (const rule of index.get(`${e.channel}:${e.eventId}`) ?? []) {
      if (!rule.where.every((c) => holds(e, c))) continue;
      const list = hits.get(rule);
      if (list) list.push(e);
      else hits.set(rule, [e]);
    }
  }
  return [...hits].flatMap(([rule, events]) => {
    const groups =
      rule.per === "host" ? [...groupBy(events, (e) => e.host).values()] : events.map((e) => [e]);
    return groups.map((group) => {
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
    });
  });
};
