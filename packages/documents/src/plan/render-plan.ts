import { renderDocumentHtml } from "../shared/render-document-html";
import { renderDocumentPdf } from "../shared/render-document-pdf";
import { buildPlanDocument } from "./build-plan-document";
import { type TLang, type TPlanKind, ZLang, ZPlanKind } from "./plan-model";

/**
 * Renders the incident-response manual or the cyber-attack BCP as a print-ready A4 PDF with embedded
 * Noto Sans JP (no browser needed). `model` is validated against ZPlanModel.
 */
export async function renderPlanPdf(kind: TPlanKind, model: unknown, lang: TLang = "ja"): Promise<Buffer> {
  return renderDocumentPdf(buildPlanDocument(ZPlanKind.parse(kind), model, ZLang.parse(lang)));
}

/** Renders a plan as one self-contained offline HTML file (inline CSS, nothing external, all values escaped). */
export function renderPlanHtml(kind: TPlanKind, model: unknown, lang: TLang = "ja"): string {
  return renderDocumentHtml(buildPlanDocument(ZPlanKind.parse(kind), model, ZLang.parse(lang)));
}
