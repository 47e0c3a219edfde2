import type { TNetworkDiagramDocument, TNetworkNode } from "./network-contracts";

/** Node box size in the SVG; the web editor uses the same size so layouts look alike. */
export const NETWORK_NODE_SIZE = { width: 168, height: 52 } as const;
const MARGIN = 24;

const STYLE: Record<TNetworkNode["type"], { fill: string; stroke: string; rx: number; dash?: string }> = {
  internet: { fill: "#fff4e6", stroke: "#e8590c", rx: 26 },
  cloud: { fill: "#e7f5ff", stroke: "#1c7ed6", rx: 18, dash: "6 4" },
  segment: { fill: "#f3f0ff", stroke: "#7048e8", rx: 4 },
  device: { fill: "#ffffff", stroke: "#343a40", rx: 6 },
  other: { fill: "#f8f9fa", stroke: "#868e96", rx: 6 },
};

const TYPE_LABEL: Record<TNetworkNode["type"], string> = {
  internet: "インターネット / Internet",
  cloud: "クラウド / Cloud",
  segment: "セグメント / Segment",
  device: "機器 / Device",
  other: "その他 / Other",
};

/** XML-escapes text: labels are user input and must stay inert in the SVG. */
function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Renders the diagram as a standalone SVG. Deterministic (same document → same bytes) and free of
 * browser APIs, so the server can put it in the report package. Labels are escaped; no scripts,
 * links or external references are emitted.
 */
export function renderNetworkDiagramSvg(
  doc: TNetworkDiagramDocument,
  title = "ネットワーク構成図 / Network diagram",
): string {
  const { width: w, height: h } = NETWORK_NODE_SIZE;
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const maxX = xs.length ? Math.max(...xs) + w : w;
  const maxY = ys.length ? Math.max(...ys) + h : h;
  const dx = MARGIN - minX;
  const dy = MARGIN + 28 - minY;
  const width = round(maxX - minX + 2 * MARGIN);
  const height = round(maxY - minY + 2 * MARGIN + 28);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 8}" font-size="14" font-weight="bold" fill="#212529">${escapeXml(title)}</text>`,
  ];
  for (const e of doc.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const x1 = round(s.position.x + dx + w / 2);
    const y1 = round(s.position.y + dy + h / 2);
    const x2 = round(t.position.x + dx + w / 2);
    const y2 = round(t.position.y + dy + h / 2);
    out.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#495057" stroke-width="1.5"/>`);
    if (e.label) {
      out.push(
        `<text x="${round((x1 + x2) / 2)}" y="${round((y1 + y2) / 2 - 4)}" font-size="11" text-anchor="middle" fill="#495057">${escapeXml(e.label)}</text>`,
      );
    }
  }
  for (const n of doc.nodes) {
    const st = STYLE[n.type];
    const x = round(n.position.x + dx);
    const y = round(n.position.y + dy);
    const dash = st.dash ? ` stroke-dasharray="${st.dash}"` : "";
    out.push(
      `<g data-node-type="${n.type}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${st.rx}" fill="${st.fill}" stroke="${st.stroke}" stroke-width="1.5"${dash}/>`,
      `<text x="${round(x + w / 2)}" y="${round(y + 22)}" font-size="13" text-anchor="middle" fill="#212529">${escapeXml(n.label || TYPE_LABEL[n.type])}</text>`,
      `<text x="${round(x + w / 2)}" y="${round(y + 40)}" font-size="10" text-anchor="middle" fill="#868e96">${escapeXml(TYPE_LABEL[n.type])}</text></g>`,
    );
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
