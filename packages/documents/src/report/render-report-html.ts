import { type TLang, ZLang } from "../plan/plan-model";
import { renderDocumentHtml } from "../shared/render-document-html";
import { buildReportDocument } from "./build-report-document";

/**
 * The police report package as one offline HTML file: the same sections as the PDF, the network
 * diagram embedded as its SVG image, no scripts, links or external resources.
 */
export function renderReportHtml(model: unknown, lang: TLang = "ja"): string {
  return renderDocumentHtml(buildReportDocument(model, ZLang.parse(lang)));
}
