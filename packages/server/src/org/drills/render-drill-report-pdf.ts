import { createRequire } from "node:module";
import path from "node:path";
import type { TDrill, TDrillScenario } from "@sonae/core";
import PDFDocument from "pdfkit";

type Lang = "ja" | "en";
const require = createRequire(import.meta.url);

/** Noto Sans JP TTF as @sonae/documents uses it (TTF: pdfkit draws WOFF2 glyphs invisibly, STACK.md). */
function fontFile(file: string): string {
  return path.join(path.dirname(require.resolve("@expo-google-fonts/noto-sans-jp/package.json")), file);
}

const LABELS = {
  ja: {
    title: "机上訓練 事後報告書",
    scenario: "シナリオ",
    started: "開始",
    finished: "終了",
    participants: "参加者",
    summary: "総括",
    timeline: "経過（状況付与と判断）",
    findings: "指摘事項（改善項目）",
    severity: { high: "重大", medium: "中", low: "軽微" },
    fix: "改善策",
    none: "なし",
    noDecision: "判断の記録なし",
    source: "出典",
    minute: "分",
  },
  en: {
    title: "Tabletop drill after-action report",
    scenario: "Scenario",
    started: "Started",
    finished: "Finished",
    participants: "Participants",
    summary: "Summary",
    timeline: "Timeline (injects and decisions)",
    findings: "Findings (items to improve)",
    severity: { high: "High", medium: "Medium", low: "Low" },
    fix: "Fix",
    none: "None",
    noDecision: "No decision recorded",
    source: "Source",
    minute: "min",
  },
} as const;

/**
 * Renders the after-action report of a finished drill as an A4 PDF with embedded Japanese fonts:
 * summary, the timeline of revealed injects with the decisions recorded against each (minute from
 * the start), and the findings with severity and fix. Deterministic for the same drill.
 */
export async function renderDrillReportPdf(
  drill: TDrill,
  scenario: TDrillScenario,
  lang: Lang,
): Promise<Buffer> {
  const l = LABELS[lang];
  const createdAt = new Date(drill.finishedAt ?? drill.startedAt);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 60, left: 50, right: 50 },
    info: { Title: l.title, Creator: "Sonae", CreationDate: createdAt, ModDate: createdAt },
  });
  doc.registerFont("body", fontFile("400Regular/NotoSansJP_400Regular.ttf"));
  doc.registerFont("bold", fontFile("700Bold/NotoSansJP_700Bold.ttf"));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const heading = (text: string) => doc.moveDown(0.6).font("bold").fontSize(13).text(text).moveDown(0.2);
  const body = (text: string, size = 10) => doc.font("body").fontSize(size).text(text);

  doc.font("bold").fontSize(18).text(l.title);
  body(`${l.scenario}: ${scenario.title[lang]}`);
  body(`${l.started}: ${drill.startedAt}  ${l.finished}: ${drill.finishedAt ?? "—"}`);
  body(
    `${l.participants}: ${drill.participants.map((p) => (p.role ? `${p.name}（${p.role}）` : p.name)).join("、")}`,
  );
  heading(l.summary);
  body(drill.summary || l.none);
  heading(l.timeline);
  for (const inject of drill.dueInjects) {
    doc.font("bold").fontSize(10.5).text(`+${inject.minute}${l.minute}  ${inject.phase[lang]}`);
    body(inject.text[lang]);
    const decisions = drill.decisions.filter((d) => d.injectId === inject.id);
    if (decisions.length === 0) body(`  → ${l.noDecision}`, 9.5);
    for (const d of decisions) body(`  → +${d.minute}${l.minute} ${d.participant}: ${d.text}`, 9.5);
    doc.moveDown(0.3);
  }
  heading(l.findings);
  if (drill.findings.length === 0) body(l.none);
  drill.findings.forEach((f, i) => {
    doc
      .font("bold")
      .fontSize(10.5)
      .text(`${i + 1}. [${l.severity[f.severity]}] ${f.title[lang]}`);
    body(`${l.fix}: ${f.fix[lang]}`);
    doc.moveDown(0.2);
  });
  heading(l.source);
  body(scenario.source[lang], 9);
  doc.end();
  return done;
}
