import { describe, expect, it } from "vitest";
import { createFullReportFixture } from "../../test/full-report-fixture";
import { extractPdfPages, squash } from "../../test/pdf-tools";
import { renderReportPdf } from "./render-report-pdf";
import { allCodes } from "./report-codes";
import { parseReportPackage } from "./report-model";

/** A page that is not the last must carry at least this many lines of text besides its footer. */
const MIN_LINES = 8;

const lines = (page: string) => page.split("\n").filter((line) => line.trim() !== "");
const sectionNumbers = (text: string) =>
  [...text.matchAll(/^\s*(\d{1,2})\.\s+\S/gm)].map((m) => Number(m[1]));

/** Free text of the fixture that may legitimately contain a code word (attacker notes, values …). */
function freeText(): string {
  const m = parseReportPackage(createFullReportFixture());
  return [
    m.ransom.noteText ?? "",
    ...m.indicators.map((i) => i.value),
    ...m.detections!.map((d) => d.title.en),
  ].join("\n");
}

describe.each(["ja", "en"] as const)("the report PDF reads like a document (%s)", (lang) => {
  it("has no near-empty page, consecutive section numbers and no raw codes", async () => {
    const pdf = await renderReportPdf(createFullReportFixture(), lang);
    const pages = extractPdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.slice(0, -1).forEach((page, i) => {
      expect(lines(page).length, `page ${i + 1}:\n${page}`).toBeGreaterThanOrEqual(MIN_LINES);
    });
    const text = pages.join("\n");
    const numbers = sectionNumbers(text);
    expect(numbers.length).toBeGreaterThanOrEqual(14);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const free = freeText();
    const word = (code: string) => new RegExp(`(^|[^A-Za-z0-9_./-])${code}([^A-Za-z0-9_/-]|$)`);
    // A code whose own label is the same word (English "domain", "server") cannot be told apart.
    const emitted = allCodes()
      .filter((c) => !word(c.code).test(c[lang]))
      .map((c) => c.code)
      .filter((code) => !word(code).test(free));
    // Codes the fixture certainly uses: they must be in the check, not excused as free text.
    expect(emitted).toEqual(
      expect.arrayContaining([
        "file-server",
        "domain-controller",
        "vpn",
        "ipv4",
        "sha256",
        "btc",
        "tox",
        "pc",
      ]),
    );
    for (const code of emitted) {
      expect(text, code).not.toMatch(word(code));
    }
  });
});

describe("the Japanese report PDF", () => {
  it("is in Japanese only and carries the whole incident", async () => {
    const model = createFullReportFixture();
    const pdf = await renderReportPdf(model, "ja");
    const pages = extractPdfPages(pdf);
    const text = squash(pages.join(""));
    for (const english of ["notrecorded", "Incidentrecordopened", "Internet", "Saitama"]) {
      expect(text).not.toContain(english);
    }
    // Terminals: the first rows in the body, all 21 in the appendix.
    expect(text).toContain(squash("ほか 6 件（全件は付録A）"));
    expect(text).toContain("PC-018");
    // Diagram labels are drawn as text; evidence, detections with the Sigma author, demand, notifications.
    expect(text).toContain(squash("本社LAN 10.20.0.0/16"));
    for (const value of [
      model.evidenceBundles![0]!.sha256,
      model.evidenceBundles![0]!.manifestSha256!,
      "NasreddineBencherchali(NextronSystems)",
      "2BTC",
      "2026-11-27",
      "R8-1234",
      "10.20.0.44",
      "CORP\\administrator",
      "ほか",
    ]) {
      expect(text).toContain(squash(value));
    }
    // Context values are listed as context, not as indicators.
    const indicatorsPage = pages.find((p) => p.includes("攻撃の痕跡"));
    expect(indicatorsPage).toBeDefined();
    expect(text).toContain(squash("参考情報（警告リストに該当した値）"));
    expect(pages.every((p, i) => squash(p).includes(`${i + 1}/${pages.length}`))).toBe(true);
    expect(pages.every((p) => p.includes("CONFIDENTIAL"))).toBe(true);
  });
});
