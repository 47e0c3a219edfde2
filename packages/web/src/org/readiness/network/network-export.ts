import { renderNetworkDiagramSvg, type TNetworkDiagramDocument } from "@sonae/core";

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the current diagram as SVG, rendered by the same core function the server uses. */
export function downloadDiagramSvg(doc: TNetworkDiagramDocument, title: string) {
  download(new Blob([renderNetworkDiagramSvg(doc, title)], { type: "image/svg+xml" }), "network-diagram.svg");
}

/** Downloads the diagram as PNG: the SVG drawn on a canvas at twice the size for print. */
export async function downloadDiagramPng(doc: TNetworkDiagramDocument, title: string) {
  const svg = renderNetworkDiagramSvg(doc, title);
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 800);
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob) download(blob, "network-diagram.png");
}
