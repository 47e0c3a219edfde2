import type { ItemStatus, TAssessedItem, TChecklist, TReadinessGap } from "./assessment-contracts";
import { deriveItemStatus } from "./assessment-derive";
import type { ReadinessFacts } from "./assessment-facts";

export type ManualAnswer = { answer: "yes" | "partial" | "no" | "not_applicable"; note: string | null };

/** How much of an item's weight a status earns. Unknown earns nothing: an unanswered item is a gap. */
const VALUE: Record<Exclude<ItemStatus, "not_applicable">, number> = {
  met: 1,
  partial: 0.5,
  unmet: 0,
  unknown: 0,
};
const ANSWER_LABEL = {
  yes: { ja: "はい", en: "yes" },
  partial: { ja: "一部", en: "partly" },
  no: { ja: "いいえ", en: "no" },
  not_applicable: { ja: "対象外", en: "not applicable" },
} as const;
const FROM_ANSWER = {
  yes: "met",
  partial: "partial",
  no: "unmet",
  not_applicable: "not_applicable",
} as const;

/**
 * Assesses every checklist item: the register decides where it can; otherwise the manual answer;
 * otherwise the item is unknown. "Not applicable" is honoured only where the item allows it.
 */
export function assessChecklist(
  checklist: TChecklist,
  facts: ReadinessFacts,
  answers: ReadonlyMap<string, ManualAnswer>,
): TAssessedItem[] {
  return checklist.items.map((item) => {
    const manual = answers.get(item.id) ?? null;
    const derived = deriveItemStatus(item.derivation, facts);
    let status: ItemStatus = derived.status;
    let credit = derived.credit;
    let basis: TAssessedItem["basis"] = derived.status === "unknown" ? "none" : "register";
    let reason = derived.reason;
    if (manual?.answer === "not_applicable" && item.allowNotApplicable) {
      status = "not_applicable";
      credit = undefined;
      basis = "manual";
      reason = { ja: "対象外と回答されています。", en: "Answered as not applicable." };
    } else if (derived.status === "unknown" && manual && manual.answer !== "not_applicable") {
      status = FROM_ANSWER[manual.answer];
      credit = undefined;
      basis = "manual";
      const label = ANSWER_LABEL[manual.answer];
      reason = { ja: `手入力の回答: ${label.ja}`, en: `Manual answer: ${label.en}` };
    }
    return {
      id: item.id,
      title: item.title,
      why: item.why,
      fix: item.fix,
      citations: item.citations,
      risk: item.risk,
      derivation: item.derivation,
      allowNotApplicable: item.allowNotApplicable,
      status,
      basis,
      reason,
      answer: manual?.answer ?? null,
      note: manual?.note ?? null,
      victimFigure: item.victimFigure,
      ...(credit === undefined ? {} : { credit }),
    };
  });
}

/** Share of an item's weight it earns: its own credit when the derivation gave one, else its status's share. */
function earnedShare(item: Pick<TAssessedItem, "status" | "credit">): number {
  return item.credit ?? VALUE[item.status as keyof typeof VALUE];
}

/**
 * The score 0–100: the risk-weighted share of applicable items that are met (partial counts half).
 * null when nothing is answered yet, so no screen shows an invented figure.
 */
export function scoreAssessment(items: readonly TAssessedItem[]): {
  score: number | null;
  answered: number;
  applicable: number;
} {
  const applicable = items.filter((i) => i.status !== "not_applicable");
  const answered = applicable.filter((i) => i.status !== "unknown").length;
  const total = applicable.reduce((sum, i) => sum + i.risk, 0);
  if (answered === 0 || total === 0) return { score: null, answered, applicable: applicable.length };
  const earned = applicable.reduce((sum, i) => sum + i.risk * earnedShare(i), 0);
  return { score: Math.round((100 * earned) / total), answered, applicable: applicable.length };
}

/**
 * The gap list ranked by risk: the weight an item loses (risk × missing share) first, then its
 * risk, then checklist order, so the ranking is stable.
 */
export function rankGaps(items: readonly TAssessedItem[]): TReadinessGap[] {
  return items
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => item.status === "unmet" || item.status === "partial" || item.status === "unknown")
    .map(({ item, order }) => ({
      item,
      order,
      loss: item.risk * (1 - earnedShare(item)),
    }))
    .sort((a, b) => b.loss - a.loss || b.item.risk - a.item.risk || a.order - b.order)
    .map(({ item }, i) => ({
      itemId: item.id,
      rank: i + 1,
      title: item.title,
      status: item.status,
      risk: item.risk,
      reason: item.reason,
      fix: item.fix,
      ...(item.credit === undefined ? {} : { credit: item.credit }),
    }));
}

/** Risk weight of a drill finding on the checklist's 1–5 scale. */
const FINDING_RISK = { high: 4, medium: 3, low: 1 } as const;

/** An open finding from a tabletop drill's after-action review, as the gap list needs it. */
export type DrillFindingGapInput = {
  id: string;
  severity: keyof typeof FINDING_RISK;
  title: { ja: string; en: string };
  fix: { ja: string; en: string };
};

/**
 * Drill findings become items of the gap list (issue 4: "an after-action report whose findings
 * become items in the readiness gap list"). Each is an unmet item with a risk from its severity,
 * ranked together with the checklist gaps by the same expected-loss order.
 */
export function mergeDrillFindingsIntoGaps(
  gaps: readonly TReadinessGap[],
  findings: readonly DrillFindingGapInput[],
): TReadinessGap[] {
  const lossOf = (g: TReadinessGap) =>
    g.risk * (1 - (g.credit ?? VALUE[g.status as keyof typeof VALUE] ?? 0));
  const fromDrills: TReadinessGap[] = findings.map((f) => ({
    itemId: `drill-finding:${f.id}`,
    rank: 0,
    title: f.title,
    status: "unmet",
    risk: FINDING_RISK[f.severity],
    reason: {
      ja: "机上訓練の振り返り（事後レビュー）で見つかった課題です。",
      en: "Found in the after-action review of a tabletop drill.",
    },
    fix: f.fix,
  }));
  return [
    ...gaps.map((g, order) => ({ g, order })),
    ...fromDrills.map((g, i) => ({ g, order: gaps.length + i })),
  ]
    .sort((a, b) => lossOf(b.g) - lossOf(a.g) || b.g.risk - a.g.risk || a.order - b.order)
    .map(({ g }, i) => ({ ...g, rank: i + 1 }));
}
