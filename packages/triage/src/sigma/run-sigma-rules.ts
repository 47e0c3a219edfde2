import { groupBy, makeDetection } from "../detections/detection-helpers";
import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import type { SigmaRule } from "./sigma-rule";
import { isRuleApplicable, toSigmaView } from "./sigma-windows-mapping";

/** DRL 1.1 §"Use": alerts from a rule must keep the rule's author attribution. */
export function sigmaAttribution(rule: SigmaRule): string {
  return `Sigma rule "${rule.title}" by ${rule.author} (SigmaHQ, Detection Rule License 1.1, https://github.com/SigmaHQ/sigma/blob/master/rules/windows/${rule.path})`;
}

/** Matching events per rule id (for tests and counts). */
export function matchSigmaRules(
  rules: SigmaRule[],
  events: TTimelineEvent[],
): Map<SigmaRule, TTimelineEvent[]> {
  const hits = new Map<SigmaRule, TTimelineEvent[]>();
  for (const e of events) {
    let view: ReturnType<typeof toSigmaView> | undefined;
    for (const rule of rules) {
      if (!isRuleApplicable(rule, e)) continue;
      view ??= toSigmaView(e);
      if (!rule.matches(view)) continue;
      const list = hits.get(rule);
      if (list) list.push(e);
      else hits.set(rule, [e]);
    }
  }
  return hits;
}

/** Runs Sigma rules over EVTX events: one detection per rule and host, author shown. */
export function runSigmaRules(rules: SigmaRule[], events: TTimelineEvent[]): TDetection[] {
  const detections: TDetection[] = [];
  for (const [rule, matched] of matchSigmaRules(rules, events)) {
    for (const group of groupBy(matched, (e) => e.host).values()) {
      const d = makeDetection(
        `sigma:${rule.id}`,
        { ja: `Sigma: ${rule.title}`, en: `Sigma: ${rule.title}` },
        {
          ja: `Sigma ルール「${rule.title}」（作成者: ${rule.author}）に ${group.length} 件のイベントが一致しました。ルールの説明（英語）: ${rule.description}`,
          en: `${group.length} event(s) matched Sigma rule "${rule.title}" by ${rule.author}. ${rule.description}`,
        },
        rule.level,
        group,
        sigmaAttribution(rule),
      );
      detections.push({ ...d, origin: "sigma" });
    }
  }
  return detections;
}
