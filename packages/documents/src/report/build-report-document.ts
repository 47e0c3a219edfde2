import type { TLang } from "../plan/plan-model";
import type { TBlock, TDocument } from "../shared/document-blocks";
import { formatDateTime } from "../shared/format-date";
import { REPORT_LABELS } from "./report-labels";
import { parseReportPackage, type TReportPackageModel } from "./report-model";
import { ReportContext, type TSection } from "./report-sections";
import { devicesSection, networkSection, terminalsSection } from "./report-sections-assets";
import { contextSection, ddosSection, indicatorsSection, ransomSection } from "./report-sections-attack";
import { detectionsSection, evidenceSection, preservedLogsSection } from "./report-sections-evidence";
import {
  actionsSection,
  commonFormSection,
  incidentSection,
  notificationsSection,
  organisationSection,
  timelineSection,
} from "./report-sections-incident";

/** Section order follows the police's first-contact checklist (REPORTING.md §1). */
function sectionsOf(m: TReportPackageModel, c: ReportContext): TSection[] {
  const isDdos = m.ddos !== undefined && m.ransom.encrypted !== "yes" && m.ransom.demanded !== "yes";
  return [
    commonFormSection(m, c),
    organisationSection(m, c),
    incidentSection(m, c),
    timelineSection(m, c),
    terminalsSection(m, c),
    networkSection(m, c),
    devicesSection(m, c),
    preservedLogsSection(m, c),
    evidenceSection(m, c),
    detectionsSection(m, c),
    ddosSection(m, c),
    isDdos ? undefined : ransomSection(m, c),
    indicatorsSection(m, c),
    contextSection(m, c),
    actionsSection(m, c),
    notificationsSection(m, c),
  ].filter((s): s is TSection => s !== undefined);
}

/**
 * Builds the format-neutral document of the police report package (validates the model first).
 * Sections are numbered here, in order, so numbers are always consecutive; lists too long for the
 * body are summarised there and printed in full in lettered appendices after the last section.
 */
export function buildReportDocument(input: unknown, lang: TLang): TDocument {
  const m = parseReportPackage(input);
  const l = REPORT_LABELS[lang];
  const c = new ReportContext(l, lang);
  const sections = sectionsOf(m, c);
  const blocks: TBlock[] = [];
  if (m.sharingCopy) {
    blocks.push({ type: "paragraph", text: l.v.sharingNote, tone: "warning" });
  }
  sections.forEach((s, i) => {
    blocks.push({ type: "heading", level: 1, text: `${i + 1}. ${s.title}` }, ...s.blocks);
  });
  for (const a of c.appendix) blocks.push({ type: "heading", level: 1, text: a.title }, ...a.blocks);
  const prefecture =
    lang === "en" ? (m.organisation.prefectureEn ?? m.organisation.prefecture) : m.organisation.prefecture;
  return {
    lang,
    title: m.sharingCopy ? l.sharingTitle : l.title,
    createdAt: m.generatedAt,
    metaLines: [
      lang === "ja" ? `${m.organisation.name}（${prefecture}）` : `${m.organisation.name} (${prefecture})`,
      `${l.generated}: ${formatDateTime(m.generatedAt, lang)}　TLP:${m.tlp.toUpperCase()}`,
    ],
    confidentiality: m.confidentiality,
    blocks,
    sources: m.sourceNotes.map((s) => `${lang === "en" && s.labelEn ? s.labelEn : s.label}: ${s.value}`),
  };
}
