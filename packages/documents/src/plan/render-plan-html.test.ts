import { describe, expect, it } from "vitest";
import { findExternalReferences } from "../../test/html-scan";
import { createPlanFixture } from "../../test/plan-fixture";
import { renderPlanHtml } from "./render-plan";

const HOSTILE = `<script>alert(1)</script><img src="https://evil.example/x.png" onerror="alert(2)">`;

describe("renderPlanHtml", () => {
  it.each([
    ["manual", "ja"],
    ["bcp", "ja"],
    ["manual", "en"],
    ["bcp", "en"],
  ] as const)("%s (%s) is one self-contained file with no external reference", (kind, lang) => {
    const html = renderPlanHtml(kind, createPlanFixture(), lang);
    expect(findExternalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).toContain("#9110");
    expect(html).toContain("@page { size: A4");
  });

  it("contains the police desk and the five steps (ja)", () => {
    const html = renderPlanHtml("manual", createPlanFixture(), "ja");
    expect(html).toContain("サイバー犯罪相談窓口");
    expect(html).toContain("048-000-0110");
    expect(html.match(/<ol>(.*?)<\/ol>/s)?.[1]?.match(/<li>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it("escapes hostile organisation-entered data everywhere", () => {
    const model = createPlanFixture();
    model.organisation.name = HOSTILE;
    model.devices[0]!.name = HOSTILE;
    model.team[0]!.name = `"><svg onload=alert(3)>`;
    model.businessFunctions[0]!.manualWorkaround = `</td></tr></table><a href="javascript:alert(4)">x</a>`;
    const html = renderPlanHtml("bcp", model, "ja");
    expect(html).not.toMatch(/<script|<img|<svg|<a\s/i);
    expect(findExternalReferences(html)).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;svg onload=alert(3)&gt;");
  });

  it("the external-reference scanner itself catches every kind of reference", () => {
    const bad = `<link rel="stylesheet" href="https://x/a.css"><style>@import "https://x/b.css"; body{background:url(//x/c.png)}</style><img src='http://x/d.png'><a href="/e">`;
    expect(findExternalReferences(bad)).toHaveLength(5);
    expect(findExternalReferences(`<img src="data:image/png;base64,AAAA"><a href="#top">`)).toEqual([]);
  });
});
