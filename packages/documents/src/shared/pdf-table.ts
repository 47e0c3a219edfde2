import type { TTableColumn } from "./document-blocks";

type Pdf = PDFKit.PDFDocument;

const DEFAULT_FONT_SIZE = 8.5;
/** Cell padding grows with the font so that a shrunk emergency card shrinks its table too. */
const padFor = (size: number) => size * 0.47;

function measureRow(doc: Pdf, cells: string[], widths: number[], font: string, size: number): number {
  doc.font(font).fontSize(size);
  const pad = padFor(size);
  let height = 0;
  cells.forEach((cell, i) => {
    const w = (widths[i] ?? 0) - 2 * pad;
    height = Math.max(height, doc.heightOfString(cell || " ", { width: w }));
  });
  return height + 2 * pad;
}

function drawRow(
  doc: Pdf,
  cells: string[],
  widths: number[],
  font: string,
  size: number,
  fill?: string,
): void {
  const height = measureRow(doc, cells, widths, font, size);
  const top = doc.y;
  const pad = padFor(size);
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    if (fill) doc.rect(x, top, w, height).fill(fill);
    doc.rect(x, top, w, height).lineWidth(0.5).stroke("#888888");
    doc.fillColor("#000000").font(font).fontSize(size);
    doc.text(cell, x + pad, top + pad, { width: w - 2 * pad });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/**
 * Draws a bordered table whose cells wrap; rows never split across pages and the header row
 * repeats on each new page so a printed page can be read on its own.
 */
export function drawPdfTable(
  doc: Pdf,
  columns: TTableColumn[],
  rows: string[][],
  size = DEFAULT_FONT_SIZE,
): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * width);
  const header = columns.map((c) => c.label);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const headerHeight = measureRow(doc, header, widths, "bold", size);
  const firstRow = rows[0] ? measureRow(doc, rows[0], widths, "body", size) : 0;
  if (doc.y + headerHeight + firstRow > bottom()) doc.addPage();
  drawRow(doc, header, widths, "bold", size, "#e8e8e8");
  for (const row of rows) {
    if (doc.y + measureRow(doc, row, widths, "body", size) > bottom()) {
      doc.addPage();
      drawRow(doc, header, widths, "bold", size, "#e8e8e8");
    }
    drawRow(doc, row, widths, "body", size);
  }
}
