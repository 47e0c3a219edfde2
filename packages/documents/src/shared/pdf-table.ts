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

/** Shortens the cells of a row taller than a whole page, so the row fits (pdfkit would spill it). */
function fitRow(doc: Pdf, cells: string[], widths: number[], size: number, maxHeight: number): string[] {
  let row = cells;
  while (measureRow(doc, row, widths, "body", size) > maxHeight) {
    const longest = row.reduce((best, cell, i) => (cell.length > (row[best]?.length ?? 0) ? i : best), 0);
    const cell = row[longest] ?? "";
    row = row.map((c, i) => (i === longest ? `${cell.slice(0, Math.floor(cell.length * 0.8))}…` : c));
  }
  return row;
}

/**
 * Draws a bordered table whose cells wrap; rows never split across pages, the header row repeats
 * on each new page, and the header is kept with its first rows (never alone at a page foot).
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
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - headerHeight;
  const fitted = rows.map((row) => fitRow(doc, row, widths, size, pageRoom));
  // Keep the header with up to two rows (or all, when fewer) on the same page.
  const lead = fitted.slice(0, 2).reduce((sum, row) => sum + measureRow(doc, row, widths, "body", size), 0);
  if (doc.y + headerHeight + Math.min(lead, pageRoom) > bottom()) doc.addPage();
  drawRow(doc, header, widths, "bold", size, "#e8e8e8");
  for (const row of fitted) {
    if (doc.y + measureRow(doc, row, widths, "body", size) > bottom()) {
      doc.addPage();
      drawRow(doc, header, widths, "bold", size, "#e8e8e8");
    }
    drawRow(doc, row, widths, "body", size);
  }
}
