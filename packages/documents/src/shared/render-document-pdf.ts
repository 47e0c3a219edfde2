import PDFDocument from "pdfkit";
import type { TBlock, TDocument } from "./document-blocks";
import { loadJapaneseFonts } from "./fonts";
import { diagramHeight, drawPdfDiagram } from "./pdf-diagram";
import { drawPdfTable } from "./pdf-table";

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 56, bottom: 60, left: 50, right: 50 };
const HEADING_SIZES = { 1: 15, 2: 12.5, 3: 11 } as const;
const TONE_COLOURS = { normal: "#000000", warning: "#b00020", muted: "#555555" } as const;

/** Creates an A4 pdfkit document with the Japanese fonts registered as "body" and "bold". */
export function createPdf(title: string, createdAt: Date): Pdf {
  const fonts = loadJapaneseFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    // Fixed dates keep output reproducible for the same model.
    info: { Title: title, Creator: "Sonae", CreationDate: createdAt, ModDate: createdAt },
  });
  doc.registerFont("body", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.font("body");
  return doc;
}

/** Collects the PDF stream into one Buffer; call before `doc.end()`. */
export function collectPdf(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** Printable width of the current page. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function ensureSpace(doc: Pdf, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawBlock(doc: Pdf, block: TBlock): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  switch (block.type) {
    case "heading": {
      // Keep a heading with at least a few lines of what follows it.
      ensureSpace(doc, block.level === 1 ? 90 : 60);
      doc.moveDown(block.level === 1 ? 0.8 : 0.5);
      doc.font("bold").fontSize(HEADING_SIZES[block.level]).fillColor("#000000");
      doc.text(block.text, left, doc.y, { width });
      if (block.level === 1) {
        doc
          .moveTo(left, doc.y + 1)
          .lineTo(left + width, doc.y + 1)
          .lineWidth(0.6)
          .stroke("#444444");
      }
      doc.moveDown(0.35);
      break;
    }
    case "paragraph":
      doc.font(block.tone === "warning" ? "bold" : "body").fontSize(10);
      doc.fillColor(TONE_COLOURS[block.tone ?? "normal"]).text(block.text, left, doc.y, { width });
      doc.fillColor("#000000").moveDown(0.4);
      break;
    case "list":
      doc.font("body").fontSize(10).fillColor("#000000");
      block.items.forEach((item, index) => {
        const marker = block.ordered ? `${index + 1}.` : "・";
        const height = doc.heightOfString(item, { width: width - 20 });
        ensureSpace(doc, Math.min(height, 100));
        const y = doc.y;
        doc.text(marker, left, y, { width: 20 });
        doc.text(item, left + 20, y, { width: width - 20 });
        doc.moveDown(0.2);
      });
      doc.moveDown(0.3);
      break;
    case "table":
      drawPdfTable(doc, block.columns, block.rows);
      doc.moveDown(0.5);
      break;
    case "pageBreak":
      doc.addPage();
      break;
    case "diagram":
      drawPdfDiagram(doc, block.diagram, block.caption);
      break;
  }
  doc.x = left;
}

/** Writes the confidentiality mark and "page / pages" into every page footer. */
export function drawFooters(doc: Pdf, confidentiality: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin briefly.
    doc.page.margins.bottom = 0;
    doc.font("body").fontSize(8).fillColor("#555555");
    doc.text(`${confidentiality}    ${i + 1} / ${range.count}`, MARGIN.left, doc.page.height - 38, {
      width: contentWidth(doc),
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor("#000000");
}

/** Renders a block document as a print-ready A4 PDF with embedded Japanese fonts (no browser). */
export async function renderDocumentPdf(document: TDocument): Promise<Buffer> {
  const doc = createPdf(document.title, new Date(document.createdAt));
  const result = collectPdf(doc);
  doc
    .font("bold")
    .fontSize(20)
    .text(document.title, { width: contentWidth(doc) });
  doc.moveDown(0.3).font("body").fontSize(9).fillColor("#333333");
  for (const line of document.metaLines) doc.text(line, { width: contentWidth(doc) });
  doc.fillColor("#000000").moveDown(0.5);
  document.blocks.forEach((block, i) => {
    const next = document.blocks[i + 1];
    // A heading followed by a drawing moves with the drawing rather than staying alone at a page foot.
    if (block.type === "heading" && next?.type === "diagram")
      ensureSpace(doc, diagramHeight(doc, next.diagram) + 50);
    drawBlock(doc, block);
  });
  if (document.sources.length > 0) {
    drawBlock(doc, { type: "heading", level: 2, text: document.lang === "ja" ? "出典" : "Sources" });
    doc.fontSize(8.5);
    for (const source of document.sources) drawBlock(doc, { type: "paragraph", text: source, tone: "muted" });
  }
  drawFooters(doc, document.confidentiality);
  doc.end();
  return result;
}
