import { type TLang, ZLang } from "../plan/plan-model";
import { drawPdfTable } from "../shared/pdf-table";
import { collectPdf, contentWidth, createPdf, drawFooters } from "../shared/render-document-pdf";
import { buildPlanCard, type TCardContent } from "./build-card-content";

type Pdf = PDFKit.PDFDocument;

/** Scales tried in order until the card fits one page; a long team list shrinks the text, never drops it. */
const SCALES = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.42];

function drawCard(doc: Pdf, card: TCardContent, scale: number): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const s = (size: number) => size * scale;
  doc.font("bold").fontSize(s(22)).text(card.title, left, doc.y, { width, align: "center" });
  doc.font("body").fontSize(s(10)).text(card.organisation, { width, align: "center" });
  doc.moveDown(0.4 * scale);
  // The police box comes first: the NPA asks that the police contact be the first thing at hand.
  const boxTop = doc.y;
  doc
    .font("bold")
    .fontSize(s(13))
    .fillColor("#b00020")
    .text(card.policeHeading, left + 8, boxTop + 6, {
      width: width - 16,
    });
  doc.fontSize(s(card.policeDeskMissing ? 10 : 14)).text(card.policeDesk, { width: width - 16 });
  doc
    .fillColor("#000000")
    .fontSize(s(13))
    .text(card.emergency, { width: width - 16 });
  doc.text(card.consultation, { width: width - 16 });
  doc.moveDown(0.2);
  doc
    .rect(left, boxTop, width, doc.y - boxTop)
    .lineWidth(2)
    .stroke("#b00020");
  doc.moveDown(0.6 * scale);
  doc.x = left;
  doc.font("bold").fontSize(s(13)).text(card.stepsHeading, left, doc.y, { width });
  doc.font("body").fontSize(s(11));
  card.steps.forEach((step, i) => {
    const y = doc.y;
    doc.font("bold").text(`${i + 1}.`, left, y, { width: 18 });
    doc.font("body").text(step, left + 18, y, { width: width - 18 });
    doc.moveDown(0.15);
  });
  doc.moveDown(0.5 * scale);
  doc.font("bold").fontSize(s(13)).text(card.contactsHeading, left, doc.y, { width });
  doc.moveDown(0.2);
  drawPdfTable(doc, card.contactColumns, card.contactRows, s(9));
  doc.moveDown(0.4);
  doc.font("body").fontSize(s(8)).fillColor("#555555").text(card.footnote, left, doc.y, { width });
  doc.fillColor("#000000");
}

async function renderAtScale(
  card: TCardContent,
  createdAt: Date,
  scale: number,
): Promise<Buffer | undefined> {
  const doc = createPdf(card.title, createdAt);
  const result = collectPdf(doc);
  drawCard(doc, card, scale);
  drawFooters(doc, card.confidentiality);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  const pdf = await result;
  return pages === 1 ? pdf : undefined;
}

/**
 * Renders the one-page emergency contact card (緊急連絡カード): the police desk, 110, #9110, the team
 * and the insurer, and the first five steps. Always exactly one A4 page; throws if the content cannot fit.
 */
export async function renderEmergencyCardPdf(model: unknown, lang: TLang = "ja"): Promise<Buffer> {
  const card = buildPlanCard(model, ZLang.parse(lang));
  for (const scale of SCALES) {
    const pdf = await renderAtScale(card, new Date(card.createdAt), scale);
    if (pdf) return pdf;
  }
  throw new Error("emergency card content does not fit on one A4 page");
}
