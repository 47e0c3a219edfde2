import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPlanFixture } from "../../test/plan-fixture";
import { buildPlanDocument } from "./build-plan-document";
import { loadPlanCommon, loadPlanTemplate, PLAN_CONTENT_DIR } from "./plan-template";

/** Copies content/plans to a temp folder and applies one deliberate break. */
function breakTemplate(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sonae-plans-"));
  cpSync(PLAN_CONTENT_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), "utf8")));
  return dir;
}

describe("plan templates in content/plans", () => {
  it("all shipped templates load and validate in both languages", () => {
    for (const lang of ["ja", "en"] as const) {
      expect(loadPlanCommon(lang).firstResponse.steps).toHaveLength(5);
      for (const kind of ["manual", "bcp"] as const) expect(loadPlanTemplate(kind, lang).kind).toBe(kind);
    }
  });

  it("rejects an unknown placeholder", () => {
    const dir = breakTemplate("manual.ja.yaml", (t) => t.replace("{{org.name}}", "{{org.secret}}"));
    expect(() => buildPlanDocument("manual", createPlanFixture(), "ja", dir)).toThrow(/\{\{org\.secret\}\}/);
  });

  it("rejects a common file without exactly five first-response steps", () => {
    const dir = breakTemplate("common.ja.yaml", (t) => t.replace(/ {4}- "感染した[^\n]*\n/, ""));
    expect(() => loadPlanCommon("ja", dir)).toThrow(/firstResponse/);
  });

  it("rejects an unknown section generator and a mismatched language", () => {
    const gen = breakTemplate("bcp.en.yaml", (t) => t.replace("generate: functions", "generate: payroll"));
    expect(() => loadPlanTemplate("bcp", "en", gen)).toThrow(/generate/);
    const lang = breakTemplate("bcp.en.yaml", (t) => t.replace("lang: en", "lang: ja"));
    expect(() => loadPlanTemplate("bcp", "en", lang)).toThrow(/declares bcp\.ja/);
  });
});
