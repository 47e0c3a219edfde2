import {
  type FirstResponseItem,
  type FirstResponseValue,
  summariseFirstResponse,
} from "@sonae/core/first-response";
import { describeSigmaRuleSet, type SigmaRunSummary } from "../sigma/sigma-rule-set";
import type { TDetection, TTriageProblem } from "../timeline/timeline-event";

/** What the reports need of a triage run (the timeline itself stays on disk). */
export interface TriageReportInput {
  eventCount: number;
  recoveredCount: number;
  detections: TDetection[];
  problems: TTriageProblem[];
}

const SHOWN_DETECTIONS = 50;

/** DRL 1.1: every Sigma alert names the rule's author and links to the rule, merged or not. */
function attributionLines(d: TDetection): string[] {
  const sources = d.sources ?? [d];
  const lines: string[] = [];
  for (const s of sources) {
    if (s.sigma) {
      lines.push(`      作成者 / Author: ${s.sigma.author}`);
      lines.push(`      ルール / Rule: ${s.sigma.link} (${s.sigma.licence})`);
    } else if (s.attribution) lines.push(`      ${s.attribution}`);
  }
  if (d.sources && d.sources.length > 1)
    lines.unshift(`      検知元 / Sources: ${d.sources.map((s) => s.ruleId).join(", ")}`);
  return lines;
}

/** The default report: counts, the rule set used, every finding (up to 50) and the problems. */
export function formatTriageReport(
  result: TriageReportInput,
  out: string,
  sigma: SigmaRunSummary | null,
): string {
  const lines = [
    `タイムライン / Timeline: ${result.eventCount} 件 / events → ${out}`,
    sigma ? `Sigma: ${describeSigmaRuleSet(sigma)}` : "Sigma: 実行せず / not run (--no-sigma)",
    `検知 / Detections: ${result.detections.length}`,
  ];
  const recovered = result.recoveredCount;
  if (recovered > 0)
    lines.splice(
      1,
      0,
      `  うち復元（削除・上書きされた記録） / of which recovered (deleted or overwritten): ${recovered}`,
    );
  for (const d of result.detections.slice(0, SHOWN_DETECTIONS)) {
    const attack = d.attack.length > 0 ? ` [${d.attack.join(" ")}]` : "";
    lines.push(
      `  [${d.severity}] ${d.title.ja} / ${d.title.en}${attack} — ${d.firstTime} (${d.eventIds.length} events)`,
    );
    lines.push(...attributionLines(d));
  }
  if (result.detections.length > SHOWN_DETECTIONS)
    lines.push(`  … ${result.detections.length - SHOWN_DETECTIONS} more (--json で全件 / all with --json)`);
  if (result.problems.length > 0) {
    lines.push(`読み取りの問題 / Problems: ${result.problems.length}`);
    for (const p of result.problems.slice(0, 20))
      lines.push(`  ${p.source}${p.offset !== undefined ? ` @${p.offset}` : ""}: ${p.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

const LISTED = 8;

function values(list: FirstResponseValue[]): string {
  if (list.length === 0) return "不明 / unknown";
  const shown = list.slice(0, LISTED).map((v) => v.value);
  return list.length > LISTED ? `${shown.join(", ")} … (+${list.length - LISTED})` : shown.join(", ");
}

function items(list: FirstResponseItem[]): string {
  if (list.length === 0) return "なし / none found";
  const shown = list
    .slice(0, LISTED)
    .map((i) => `${i.title.ja} / ${i.title.en} (${i.firstTime}, ${i.findingId})`);
  return list.length > LISTED ? `${shown.join("; ")} … (+${list.length - LISTED})` : shown.join("; ");
}

/** `--summary`: the first-response answers in a few lines; finding ids lead to the events. */
export function formatFirstResponse(result: Pick<TriageReportInput, "detections">): string {
  const a = summariseFirstResponse(result.detections);
  const first = a.whenFirst
    ? `${a.whenFirst.firstTime} — ${a.whenFirst.title.ja} / ${a.whenFirst.title.en} (${a.whenFirst.findingId})`
    : "不明 / unknown";
  return `${[
    "初動の要点 / First-response answers",
    `  誰が / Who (accounts): ${values(a.who)}`,
    `  どこから / From where: ${values(a.fromWhere)}`,
    `  最初はいつ / When first: ${first}`,
    `  侵入経路 / Way in: ${items(a.wayIn)}`,
    `  足場・横展開 / Foothold and spread: ${items(a.foothold)}`,
    `  止められた・壊されたもの / Turned off or destroyed: ${items(a.turnedOff)}`,
  ].join("\n")}\n`;
}
