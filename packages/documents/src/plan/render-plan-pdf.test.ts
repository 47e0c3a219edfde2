import { describe, expect, it } from "vitest";
import {
  extractPdfText,
  measureInkRatio,
  readPdfInfo,
  renderFirstPagePng,
  squash,
} from "../../test/pdf-tools";
import { createPlanFixture } from "../../test/plan-fixture";
import { renderPlanPdf } from "./render-plan";

/** Key phrases of the police's five first-response steps, written independently of the templates. */
const FIVE_STEPS_JA = [
  "ネットワークから隔離",
  "電源を切らない",
  "電源は入れたまま",
  "ログとデータを保全",
  "早期に警察へ通報",
];
const FIVE_STEPS_EN = [
  "Isolate infected",
  "Do not switch them off",
  "powered on",
  "Preserve logs",
  "Contact the police early",
];

describe("renderPlanPdf", () => {
  it.each(["manual", "bcp"] as const)(
    "puts the police desk, 110, #9110 and the five steps into the %s (ja)",
    async (kind) => {
      const model = createPlanFixture();
      const pdf = await renderPlanPdf(kind, model, "ja");
      const text = squash(extractPdfText(pdf));
      expect(text).toContain(squash(model.police.desk?.name ?? "missing"));
      expect(text).toContain("048-000-0110");
      expect(text).toContain("110番");
      expect(text).toContain("#9110");
      for (const phrase of FIVE_STEPS_JA) expect(text).toContain(squash(phrase));
      // The device whose logs live in memory is named in the "keep powered" step.
      expect(text).toMatch(/電源は入れたままにする（対象:本社VPN装置）/);
      // Confidentiality mark and page numbers in the footer.
      const pages = Number(readPdfInfo(pdf).Pages);
      expect(text).toContain(squash(`社外秘・取扱注意（CONFIDENTIAL） 1 / ${pages}`));
    },
  );

  it("renders an A4 PDF whose first page is not blank and carries Japanese glyphs", async () => {
    const pdf = await renderPlanPdf("manual", createPlanFixture(), "ja");
    const info = readPdfInfo(pdf);
    expect(info["Page size"]).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    const ratio = measureInkRatio(renderFirstPagePng(pdf));
    expect(ratio).toBeGreaterThan(0.02);
    expect(ratio).toBeLessThan(0.5);
    expect(extractPdfText(pdf)).toContain("サイバー攻撃対応マニュアル");
  });

  it("lists business functions by priority with RTO in the BCP", async () => {
    const text = squash(extractPdfText(await renderPlanPdf("bcp", createPlanFixture(), "ja")));
    const order = ["受注・出荷", "生産管理", "給与計算"].map((name) => text.indexOf(name));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("24時間");
    expect(text).toContain("CY-2026-000123");
    // The file-server backup has never been restore-tested: the plan says so.
    expect(text).toContain(
      squash("復元テストが未実施、または1年以上前のバックアップがあります: ファイルサーバ"),
    );
  });

  it("says the desk is not recorded and where to find it when it is missing (en)", async () => {
    const model = { ...createPlanFixture(), police: {} };
    const text = squash(extractPdfText(await renderPlanPdf("manual", model, "en")));
    expect(text).toContain(squash("No prefectural police cyber-crime desk is recorded"));
    expect(text).toContain("https://www.npa.go.jp/bureau/cyber/soudan.html");
    expect(text).toContain("110");
    expect(text).toContain("#9110");
    for (const phrase of FIVE_STEPS_EN) expect(text).toContain(squash(phrase));
  });

  it("rejects an invalid model before rendering anything", async () => {
    const model = { ...createPlanFixture(), team: [{ role: "boss", name: "", phone: "1" }] };
    await expect(renderPlanPdf("manual", model, "ja")).rejects.toThrow(/team/);
  });
});
