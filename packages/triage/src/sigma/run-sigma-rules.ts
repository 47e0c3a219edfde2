import { groupBy, makeDetection } from "../detections/detection-helpers";
import type { TDetection, TSigmaRuleSetSource, TTimelineEvent } from "../timeline/timeline-event";
import { applicableIndex, groupByKind, inInputOrder } from "./sigma-event-kinds";
import type { SigmaRule } from "./sigma-rule";
import { sigmaRuleLink } from "./sigma-rule-set";
import { toSigmaView } from "./sigma-windows-mapping";

const DRL = "Detection Rule License 1.1";

/** DRL 1.1 §"Use": alerts from a rule must keep the rule's author attribution. */
export function sigmaAttribution(rule: SigmaRule, source?: TSigmaRuleSetSource): string {
  const link = source ? sigmaRuleLink(rule, source) : sigmaRuleLink(rule, UNKNOWN_SOURCE);
  const set = source ? [source.name, source.date].filter(Boolean).join(", ") : "SigmaHQ";
  return `Sigma rule "${rule.title}" by ${rule.author} (${set}, ${DRL}, ${link})`;
}

const UNKNOWN_SOURCE: TSigmaRuleSetSource = { name: "Sigma rules", date: null, isShipped: false };

/**
 * Matching events per rule. Each event is tested only against the rules of its kind (channel and
 * event id) whose required literals it contains (SigmaRuleIndex); the hits are exactly those of
 * testing every rule (matchSigmaRulesByScan), which a test checks over the whole corpus. Each
 * rule's events are in input order.
 */
export function matchSigmaRules(
  rules: SigmaRule[],
  events: TTimelineEvent[],
): Map<SigmaRule, TTimelineEvent[]> {
  const byKind = groupByKind(events);
  const hits = new Map<SigmaRule, TTimelineEvent[]>();
  for (const kind of byKind.values()) {
    const index = applicableIndex(rules, kind[0] as TTimelineEvent);
    if (index.rules.length === 0) continue;
    for (const e of kind) {
      const view = toSigmaView(e);
      for (const rule of index.candidates(view)) {
        if (!rule.matches(view)) continue;
        const list = hits.get(rule);
        if (list) list.push(e);
        else hits.set(rule, [e]);
      }
    }
  }
  return inInputOrder(hits, events, byKind.size);
}

/**
 * Runs Sigma rules over EVTX events: one detection per rule and host. Every detection names the
 * rule's author, a link to the rule and the rule set with its date (DRL 1.1); experimental rules
 * say so in the title.
 */
export function runSigmaRules(
  rules: SigmaRule[],
  events: TTimelineEvent[],
  source?: TSigmaRuleSetSource,
): TDetection[] {
  const detections: TDetection[] = [];
  for (const [rule, matched] of matchSigmaRules(rules, events)) {
    const link = sigmaRuleLink(rule, source ?? UNKNOWN_SOURCE);
    const isExperimental = rule.status === "experimental";
    const mark = isExperimental ? { ja: "（試験的ルール）", en: " (experimental rule)" } : { ja: "", en: "" };
    for (const group of groupBy(matched, (e) => e.host).values()) {
      const d = makeDetection(
        `sigma:${rule.id}`,
        { ja: `Sigma${mark.ja}: ${rule.title}`, en: `Sigma${mark.en}: ${rule.title}` },
        {
          ja: `Sigma ルール「${rule.title}」（作成者: ${rule.author}）に ${group.length} 件のイベントが一致しました。ルール: ${link}。ルールの説明（英語）: ${rule.description}`,
          en: `${group.length} event(s) matched Sigma rule "${rule.title}" by ${rule.author}. Rule: ${link}. ${rule.description}`,
        },
        rule.level,
        group,
        { attribution: sigmaAttribution(rule, source), attack: rule.attack, question: rule.question },
      );
      detections.push({
        ...d,
        origin: "sigma",
        sigma: {
          id: rule.id,
          author: rule.author,
          path: rule.path,
          link,
          status: rule.status,
          licence: DRL,
          ruleSet: source ?? UNKNOWN_SOURCE,
        },
      });
    }
  }
  return detections;
}
