/**
 * Benchmark: the manual as an A4 PDF with pdfkit (this package) versus the reference way of making a
 * PDF from the same content, Chromium printing the offline HTML (`--print-to-pdf`). Same plan, same run.
 * Run sparingly (Chromium is heavy on the shared 2 cores):
 *   npx tsx packages/documents/bench/plan-pdf.bench.ts [runs]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderPlanHtml, renderPlanPdf } from "../src/plan/render-plan";
import { createPlanFixture } from "../test/plan-fixture";

const runs = Number(process.argv[2] ?? 5);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const dir = mkdtempSync(path.join(tmpdir(), "sonae-bench-"));
const model = createPlanFixture();

async function time(label: string, fn: () => Promise<number>): Promise<number> {
  await fn(); // warm-up: fonts loaded, Chromium binary in page cache
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < runs; i++) bytes = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  console.log(`${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms/document  ${bytes} bytes`);
  return ms;
}

try {
  const sonae = await time(
    "sonae renderPlanPdf (pdfkit)",
    async () => (await renderPlanPdf("manual", model, "ja")).length,
  );
  const htmlFile = path.join(dir, "manual.html");
  writeFileSync(htmlFile, renderPlanHtml("manual", model, "ja"));
  const pdfFile = path.join(dir, "manual.pdf");
  const chrome = await time("chromium --print-to-pdf (HTML)", async () => {
    execFileSync(
      chromium,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${path.join(dir, "profile")}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdfFile}`,
        `file://${htmlFile}`,
      ],
      { stdio: "ignore" },
    );
    return statSync(pdfFile).size;
  });
  console.log(`runs=${runs}  speed-up (chromium / sonae) = ${(chrome / sonae).toFixed(2)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
