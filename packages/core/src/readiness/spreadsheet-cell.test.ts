import { describe, expect, it } from "vitest";
import { isSpreadsheetFormula, neutraliseSpreadsheetCell, unescapeSpreadsheetCell } from "./spreadsheet-cell";

describe("spreadsheet formula cells", () => {
  it("catches every form a spreadsheet would evaluate, including the known bypasses", () => {
    for (const v of [
      "=cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "-1+1|cmd",
      " =cmd|' /C calc'!A0",
      "\n=cmd|' /C calc'!A0",
      "\u3000=1+1",
      "+81-3-1234-5678",
      "@SUM(A1)",
      "\tx",
      "\rx",
      "-cmd",
    ]) {
      expect({ v, formula: isSpreadsheetFormula(v) }).toEqual({ v, formula: true });
    }
  });

  it("leaves plain data alone", () => {
    for (const v of ["-", "-1", "-0.5", "-1,000", "7.0.12", "FortiGate 60F", "a=b", "メモ -1"]) {
      expect({ v, formula: isSpreadsheetFormula(v) }).toEqual({ v, formula: false });
    }
  });

  it("escapes on export and reads its own escape back", () => {
    for (const v of ["=1+1", " =cmd", "-1+1|cmd", "plain"]) {
      expect(unescapeSpreadsheetCell(neutraliseSpreadsheetCell(v))).toBe(v);
    }
    expect(neutraliseSpreadsheetCell("-2+3")).toBe("'-2+3");
    expect(unescapeSpreadsheetCell("'plain")).toBe("'plain");
  });

  it("is fast on long runs of its own trigger characters", () => {
    for (const v of [" ".repeat(100_000), `${"-".repeat(100_000)}1`, `-${"1,".repeat(50_000)}x`]) {
      const t0 = performance.now();
      isSpreadsheetFormula(v);
      expect(performance.now() - t0).toBeLessThan(100);
    }
  });
});
