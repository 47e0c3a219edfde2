import { type TLang, ZLang } from "../plan/plan-model";
import { renderDocumentPdf } from "../shared/render-document-pdf";
import { buildReportDocument } from "./build-report-document";

/**
 * Renders the police report package as a print-ready Japanese (or English) A4 PDF, no browser needed.
 * Attacker data is written as plain text: pdfkit adds no link annotations unless asked.
 */
export async function renderReportPdf(model: unknown, lang: TLang = "ja"): Promise<Buffer> {
  return renderDocumentPdf(buildReportDocument(model, ZLang.parse(lang)));
}
