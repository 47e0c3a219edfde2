import type { TBlock, TDocument } from "./document-blocks";
import { escapeHtml as e } from "./escape-html";

/**
 * Inline CSS only: the file must work with the network down, so no web fonts and no url(); the only
 * images are data: URIs (the network diagram as SVG), which cannot run scripts.
 * Japanese text uses the fonts installed on the reader's machine.
 */
const CSS = `
:root { color-scheme: light; }
body { font-family: "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif;
  line-height: 1.6; color: #111; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; font-size: 15px; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #444; padding-bottom: 0.15rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.2rem; }
.meta { color: #333; font-size: 0.9rem; margin: 0; }
.warning { color: #b00020; font-weight: bold; }
.muted { color: #555; font-size: 0.9rem; }
.confidential { border: 2px solid #b00020; color: #b00020; display: inline-block; padding: 0.1rem 0.5rem; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.88rem; }
th, td { border: 1px solid #888; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; white-space: pre-wrap; }
th { background: #e8e8e8; }
footer { margin-top: 2rem; border-top: 1px solid #888; }
@page { size: A4; margin: 18mm 15mm 20mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .page-break { break-before: page; }
}
`;

function renderBlock(block: TBlock): string {
  switch (block.type) {
    case "heading": {
      // Document title is the only h1; block levels start at h2.
      const tag = `h${block.level + 1}`;
      return `<${tag}>${e(block.text)}</${tag}>`;
    }
    case "paragraph": {
      const cls = block.tone && block.tone !== "normal" ? ` class="${block.tone}"` : "";
      return `<p${cls}>${e(block.text)}</p>`;
    }
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${e(item)}</li>`).join("")}</${tag}>`;
    }
    case "table": {
      const head = block.columns.map((c) => `<th scope="col">${e(c.label)}</th>`).join("");
      const body = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join("")}</tr>`)
        .join("\n");
      return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    }
    case "pageBreak":
      return `<div class="page-break"></div>`;
    case "diagram": {
      // As an image (data: URI), never inline markup: an SVG from a received package stays inert.
      if (!block.diagram.svg) return `<p class="muted">${e(block.caption)}</p>`;
      const src = `data:image/svg+xml;base64,${Buffer.from(block.diagram.svg, "utf8").toString("base64")}`;
      return `<figure><img src="${src}" alt="${e(block.caption)}" style="max-width:100%"><figcaption class="muted">${e(block.caption)}</figcaption></figure>`;
    }
  }
}

/**
 * Renders a block document as ONE self-contained HTML file: inline CSS, no scripts, no links,
 * no external resources of any kind, every value escaped. A restrictive CSP meta tag makes the
 * browser refuse anything external even if a future template slipped one in.
 */
export function renderDocumentHtml(document: TDocument): string {
  const sourcesTitle = document.lang === "ja" ? "出典" : "Sources";
  const sources = document.sources.map((s) => `<li>${e(s)}</li>`).join("");
  return `<!DOCTYPE html>
<html lang="${document.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(document.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="confidential">${e(document.confidentiality)}</p>
<h1>${e(document.title)}</h1>
${document.metaLines.map((line) => `<p class="meta">${e(line)}</p>`).join("\n")}
</header>
<main>
${document.blocks.map(renderBlock).join("\n")}
</main>
<footer>
<h2>${e(sourcesTitle)}</h2>
<ul class="muted">${sources}</ul>
<p class="confidential">${e(document.confidentiality)}</p>
</footer>
</body>
</html>
`;
}
