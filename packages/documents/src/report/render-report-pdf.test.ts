import { describe, expect, it } from "vitest";
import {
  extractPdfText,
  measureInkRatio,
  readPdfInfo,
  renderFirstPagePng,
  squash,
} from "../../test/pdf-tools";
import { createReportFixture, readFortiosKev } from "../../test/report-fixture";
import { renderReportPdf } from "./render-report-pdf";

describe("renderReportPdf", () => {
  it("carries the organisation, contact, devices with KEV matches, ransom note and indicators (ja)", async () => {
    const model = createReportFixture();
    const pdf = await renderReportPdf(model, "ja");
    const text = squash(extractPdfText(pdf));
    expect(text).toContain(squash("サイバー事案 警察提出用資料"));
    expect(text).toContain("株式会社備え精機");
    expect(text).toContain("090-0000-0002");
    expect(text).toContain(readFortiosKev().cveID);
    expect(text).toContain("未適用");
    expect(text).toContain(squash("All your files are encrypted"));
    for (const indicator of model.indicators) expect(text).toContain(squash(indicator.value));
    expect(text).toContain(squash("fortigate-vpn.log"));
    const pages = Number(readPdfInfo(pdf).Pages);
    expect(text).toContain(squash(`機密・警察提出用（CONFIDENTIAL） 1 / ${pages}`));
    expect(measureInkRatio(renderFirstPagePng(pdf))).toBeGreaterThan(0.02);
  });

  it("writes attacker data as inert text: no link annotations at all", async () => {
    const pdf = (await renderReportPdf(createReportFixture(), "ja")).toString("latin1");
    expect(pdf).not.toMatch(/\/URI|\/Subtype\s*\/Link|\/Annots/);
  });

  it("renders in English and omits the preserved-log section when there is no evidence", async () => {
    const model = { ...createReportFixture(), preservedLogs: undefined };
    const text = squash(extractPdfText(await renderReportPdf(model, "en")));
    expect(text).toContain(squash("report package for the police"));
    expect(text).not.toContain(squash("Preserved logs"));
  });
});
