import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Runs a poppler-utils tool (Debian package poppler-utils) on a PDF in a temporary folder. */
function withPdf<T>(pdf: Buffer, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "sonae-plans-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext output with all whitespace removed, so wrapped lines still match. */
export function extractSquashedPdfText(pdf: Buffer): string {
  const text = withPdf(pdf, (file) =>
    execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }),
  );
  return text.replace(/\s+/g, "");
}

/** Page count from pdfinfo. */
export function countPdfPages(pdf: Buffer): number {
  const info = withPdf(pdf, (file) => execFileSync("pdfinfo", [file], { encoding: "utf8" }));
  return Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? Number.NaN);
}

/** Share of non-white pixels of page 1 rendered by pdftoppm (greyscale PGM), to prove it is not blank. */
export function measureFirstPageInk(pdf: Buffer): number {
  const pgm = withPdf(pdf, (file, dir) => {
    execFileSync("pdftoppm", [
      "-gray",
      "-r",
      "30",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      file,
      path.join(dir, "p"),
    ]);
    return readFileSync(path.join(dir, "p.pgm"));
  });
  // PGM header "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = pgm.toString("latin1", 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("pdftoppm did not write a PGM");
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 200) ink++;
  return ink / pixels.length;
}

/** Every way an HTML file could pull something from outside itself. */
export const EXTERNAL_REFERENCE =
  /<(script|link|img|iframe|object|embed|a)\b|\b(src|href|srcset|action)\s*=|url\(|@import/i;
