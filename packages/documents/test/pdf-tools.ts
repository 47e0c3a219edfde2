import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";

/** Runs a poppler-utils tool (Debian package poppler-utils) on a PDF buffer in a temp folder. */
function withPdf<T>(pdf: Buffer, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "sonae-docs-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of the PDF as pdftotext extracts it (UTF-8). */
export function extractPdfText(pdf: Buffer): string {
  return withPdf(pdf, (file) =>
    execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }),
  );
}

/** Removes all whitespace so wrapped lines compare equal to the source sentence. */
export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

/** pdfinfo fields (Pages, Page size, ...). */
export function readPdfInfo(pdf: Buffer): Record<string, string> {
  const out = withPdf(pdf, (file) => execFileSync("pdfinfo", [file], { encoding: "utf8" }));
  return Object.fromEntries(
    out
      .split("\n")
      .map((line) => line.match(/^([^:]+):\s*(.*)$/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
}

/** Renders page 1 with pdftoppm to a PNG and returns the PNG bytes. */
export function renderFirstPagePng(pdf: Buffer): Buffer {
  return withPdf(pdf, (file, dir) => {
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "40",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      file,
      path.join(dir, "p"),
    ]);
    return readFileSync(path.join(dir, "p.png"));
  });
}

/**
 * Share of non-white pixels in an 8-bit gray or RGB, non-interlaced PNG (what `pdftoppm -png` writes).
 * A minimal decoder (IHDR + IDAT + the five PNG row filters, RFC 2083 §6) keeps tests dependency-free.
 */
export function measureInkRatio(png: Buffer): number {
  if (png.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 0 ? 1 : data[9] === 2 ? 3 : 0;
      if (data[8] !== 8 || channels === 0 || data[12] !== 0)
        throw new Error("expected 8-bit gray/RGB, non-interlaced");
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = new Uint8Array(stride);
  const row = new Uint8Array(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1);
    const filter = raw[base];
    for (let x = 0; x < stride; x++) {
      const v = raw[base + 1 + x] ?? 0;
      const a = x >= channels ? (row[x - channels] ?? 0) : 0;
      const b = prev[x] ?? 0;
      const c = x >= channels ? (prev[x - channels] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = (v + predictor) & 0xff;
    }
    for (let px = 0; px < width; px++) {
      let sum = 0;
      for (let ch = 0; ch < channels; ch++) sum += row[px * channels + ch] ?? 255;
      if (sum / channels < 200) ink++;
    }
    prev.set(row);
  }
  return ink / (width * height);
}

/** The text of each page (pdftotext separates pages with a form feed). */
export function extractPdfPages(pdf: Buffer): string[] {
  const pages = extractPdfText(pdf).split("\f");
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}
