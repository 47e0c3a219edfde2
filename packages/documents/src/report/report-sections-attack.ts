import type { TBlock } from "../shared/document-blocks";
import { INDICATOR_KINDS, labelCode } from "./report-codes";
import type { TReportPackageModel } from "./report-model";
import type { ReportContext, TSection } from "./report-sections";

const col = (label: string, weight: number) => ({ label, weight });
type Indicator = TReportPackageModel["indicators"][number];

/** Indicators that may be exported as such: values on a warning list are context (issue 13 §1). */
export function attackIndicators(m: TReportPackageModel): Indicator[] {
  return m.indicators.filter((i) => !i.context);
}

export function ransomSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l } = c;
  const r = m.ransom;
  const blocks: TBlock[] = [
    c.keyValues([
      [l.f.encrypted, c.v(r.encrypted)],
      [l.f.leak, c.v(r.leakThreatened)],
      [l.f.demanded, c.v(r.demanded)],
      [l.f.extension, r.encryptedExtension],
      [l.f.amount, r.amount],
      [l.f.deadline, r.deadline],
      [l.f.paid, c.v(r.paid)],
      [l.f.noteFile, r.noteFileName],
    ]),
  ];
  if (r.noteText) {
    blocks.push(
      { type: "heading", level: 2, text: l.f.note },
      { type: "paragraph", text: l.v.inert, tone: "muted" },
      { type: "paragraph", text: r.noteText, tone: "muted" },
    );
  }
  return { title: l.s.ransom, blocks };
}

export function ddosSection(m: TReportPackageModel, c: ReportContext): TSection | undefined {
  const d = m.ddos;
  if (!d) return undefined;
  const { l } = c;
  const num = (n: number | undefined) =>
    n === undefined ? undefined : n.toLocaleString(c.lang === "ja" ? "ja-JP" : "en-GB");
  return {
    title: l.s.ddos,
    blocks: [
      c.keyValues([
        [l.f.attackType, c.v(d.attackType)],
        [l.f.peakGbps, num(d.peakGbps)],
        [l.f.peakPps, num(d.peakPps)],
        [l.f.duration, num(d.durationMinutes)],
        [l.f.mitigation, d.mitigation],
        [l.f.impact, d.impact],
      ]),
    ],
  };
}

export function indicatorsSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l, lang } = c;
  const rows = attackIndicators(m).map((x) => [
    labelCode(INDICATOR_KINDS, x.kind, lang),
    x.value,
    x.note ?? "",
  ]);
  return {
    title: l.s.indicators,
    blocks:
      rows.length === 0
        ? [{ type: "paragraph", text: l.v.none }]
        : [
            { type: "paragraph", text: l.v.inert, tone: "muted" },
            ...c.table(l.s.indicators, [col(l.f.kind, 2), col(l.f.value, 7), col(l.f.remark, 3)], rows, 20),
          ],
  };
}

/** Values that matched a warning list: kept for the reader, never as indicators. */
export function contextSection(m: TReportPackageModel, c: ReportContext): TSection | undefined {
  const context = m.indicators.filter((i) => i.context);
  if (context.length === 0) return undefined;
  const { l, lang } = c;
  return {
    title: l.s.context,
    blocks: c.table(
      l.s.context,
      [col(l.f.kind, 2), col(l.f.value, 5), col(l.f.list, 4)],
      context.map((x) => [
        labelCode(INDICATOR_KINDS, x.kind, lang),
        x.value,
        [x.context?.list, x.context?.listDate].filter(Boolean).join(" "),
      ]),
      10,
    ),
  };
}
