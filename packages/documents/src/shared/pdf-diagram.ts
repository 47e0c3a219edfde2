import type { TDiagramFigure } from "./document-blocks";

type Pdf = PDFKit.PDFDocument;

/** Node box in the editor's units (core NETWORK_NODE_SIZE); the drawing is scaled from these. */
const NODE = { width: 168, height: 52 };
const MAX_HEIGHT = 380;
const STYLE: Record<string, { fill: string; stroke: string; radius: number; dash?: number }> = {
  internet: { fill: "#fff4e6", stroke: "#e8590c", radius: 20 },
  cloud: { fill: "#e7f5ff", stroke: "#1c7ed6", radius: 14, dash: 4 },
  segment: { fill: "#f3f0ff", stroke: "#7048e8", radius: 3 },
  device: { fill: "#ffffff", stroke: "#343a40", radius: 5 },
  other: { fill: "#f8f9fa", stroke: "#868e96", radius: 5 },
};

function layout(doc: Pdf, figure: TDiagramFigure) {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const xs = figure.nodes.map((n) => n.x);
  const ys = figure.nodes.map((n) => n.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) + NODE.width - minX;
  const spanY = Math.max(...ys) + NODE.height - minY;
  const scale = Math.min(width / spanX, MAX_HEIGHT / spanY, 1);
  return { width, minX, minY, spanX, spanY, scale, height: spanY * scale };
}

/** Points the drawing and its caption take, so a heading can stay with it. */
export function diagramHeight(doc: Pdf, figure: TDiagramFigure): number {
  return figure.nodes.length === 0 ? 0 : layout(doc, figure).height + 30;
}

/**
 * Draws the network diagram as vector shapes (boxes, links, labels in the embedded Japanese font),
 * scaled to the printable width and at most MAX_HEIGHT points tall, starting on a new page when it
 * does not fit below the current position. Labels stay text, so pdftotext and search find them.
 */
export function drawPdfDiagram(doc: Pdf, figure: TDiagramFigure, caption: string): void {
  if (figure.nodes.length === 0) return;
  const left = doc.page.margins.left;
  const { width, minX, minY, spanX, scale, height } = layout(doc, figure);
  if (doc.y + height + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 4;
  const offsetX = left + (width - spanX * scale) / 2;
  const at = (n: { x: number; y: number }) => ({
    x: offsetX + (n.x - minX) * scale,
    y: top + (n.y - minY) * scale,
  });
  const w = NODE.width * scale;
  const h = NODE.height * scale;
  const byId = new Map(figure.nodes.map((n) => [n.id, n]));
  doc.save();
  for (const e of figure.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const a = at(s);
    const b = at(t);
    doc
      .moveTo(a.x + w / 2, a.y + h / 2)
      .lineTo(b.x + w / 2, b.y + h / 2)
      .lineWidth(1)
      .stroke("#495057");
    if (e.label) {
      doc
        .font("body")
        .fontSize(Math.max(6, 9 * scale))
        .fillColor("#495057");
      doc.text(e.label, (a.x + b.x + w) / 2 - 40, (a.y + b.y + h) / 2 - 10, {
        width: 80,
        align: "center",
        lineBreak: false,
      });
    }
  }
  for (const n of figure.nodes) {
    const p = at(n);
    const st = STYLE[n.type] ?? STYLE.other!;
    doc.roundedRect(p.x, p.y, w, h, st.radius * scale).lineWidth(1);
    if (st.dash) doc.dash(st.dash, { space: st.dash });
    doc.fillAndStroke(st.fill, st.stroke).undash();
    doc
      .fillColor("#212529")
      .font("body")
      .fontSize(Math.max(6, 11 * scale));
    doc.text(n.label || n.typeLabel, p.x + 2, p.y + h * 0.18, {
      width: w - 4,
      align: "center",
      height: h * 0.5,
      ellipsis: true,
    });
    if (!n.label) continue;
    doc.fillColor("#868e96").fontSize(Math.max(5, 8 * scale));
    doc.text(n.typeLabel, p.x + 2, p.y + h * 0.62, { width: w - 4, align: "center", lineBreak: false });
  }
  doc.restore();
  doc.fillColor("#555555").font("body").fontSize(8.5);
  doc.text(caption, left, top + height + 6, { width, align: "center" });
  doc.fillColor("#000000");
  doc.x = left;
  doc.moveDown(0.6);
}
