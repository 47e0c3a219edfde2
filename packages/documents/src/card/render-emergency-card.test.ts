import { describe, expect, it } from "vitest";
import {
  extractPdfText,
  measureInkRatio,
  readPdfInfo,
  renderFirstPagePng,
  squash,
} from "../../test/pdf-tools";
import { createPlanFixture } from "../../test/plan-fixture";
import { renderEmergencyCardPdf } from "./render-emergency-card";

describe("renderEmergencyCardPdf", () => {
  it("is exactly one A4 page with the police desk, 110, #9110, team, insurer and five steps", async () => {
    const model = createPlanFixture();
    const pdf = await renderEmergencyCardPdf(model, "ja");
    const info = readPdfInfo(pdf);
    expect(info.Pages).toBe("1");
    expect(info["Page size"]).toContain("(A4)");
    const text = squash(extractPdfText(pdf));
    expect(text).toContain(squash("埼玉県警察 サイバー犯罪相談窓口"));
    expect(text).toContain("048-000-0110");
    expect(text).toContain("110番");
    expect(text).toContain("#9110");
    expect(text).toContain("090-0000-0001");
    expect(text).toContain("0120-000-000");
    expect(text).toContain("CY-2026-000123");
    for (let i = 1; i <= 5; i++) expect(text).toContain(`${i}.`);
    expect(text).toContain("本社VPN装置");
    expect(text).not.toContain("6.");
    expect(measureInkRatio(renderFirstPagePng(pdf))).toBeGreaterThan(0.02);
  });

  it("stays on one page with a large team, shrinking rather than dropping contacts", async () => {
    const model = createPlanFixture();
    model.team = Array.from({ length: 40 }, (_, i) => ({
      role: "it" as const,
      name: `担当者${i + 1}`,
      phone: `03-0000-${String(i).padStart(4, "0")}`,
      afterHoursPhone: "090-0000-9999",
    }));
    const pdf = await renderEmergencyCardPdf(model, "en");
    expect(readPdfInfo(pdf).Pages).toBe("1");
    const text = squash(extractPdfText(pdf));
    expect(text).toContain("担当者40");
    expect(text).toContain("03-0000-0039");
  });

  it("tells where to find the desk when none is recorded", async () => {
    const pdf = await renderEmergencyCardPdf({ ...createPlanFixture(), police: {} }, "ja");
    const text = squash(extractPdfText(pdf));
    expect(text).toContain("https://www.npa.go.jp/bureau/cyber/soudan.html");
    expect(text).toContain(squash("サイバー犯罪相談窓口が未登録です"));
    expect(readPdfInfo(pdf).Pages).toBe("1");
  });
});
