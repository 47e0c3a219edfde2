import { describe, expect, it } from "vitest";
import { deriveSmeStatus, smeSectorForIndustry } from "./sme-status";

describe("deriveSmeStatus (中小企業基本法 第2条)", () => {
  it("treats a manufacturer with 300 employees and large capital as an SME by headcount", () => {
    const s = deriveSmeStatus({ industry: "E", capitalYen: 1_000_000_000, employees: 300 });
    expect(s).toMatchObject({ sector: "manufacturing_other", isSme: true, basis: "employees" });
  });

  it("rejects a manufacturer over both thresholds", () => {
    const s = deriveSmeStatus({ industry: "E", capitalYen: 300_000_001, employees: 301 });
    expect(s.isSme).toBe(false);
    expect(s.basis).toBe("none");
  });

  it("applies the retail threshold of 50 employees to class I by default", () => {
    expect(deriveSmeStatus({ industry: "I", capitalYen: 60_000_000, employees: 51 }).isSme).toBe(false);
    expect(
      deriveSmeStatus({ industry: "I", subSector: "wholesale", capitalYen: 60_000_000, employees: 51 }).isSme,
    ).toBe(true);
  });

  it("uses the service capital threshold of 50 million yen", () => {
    expect(deriveSmeStatus({ industry: "G", capitalYen: 50_000_000, employees: 500 }).basis).toBe("capital");
    expect(deriveSmeStatus({ industry: "G", capitalYen: 50_000_001, employees: 500 }).isSme).toBe(false);
  });

  it("flags small enterprises (第2条第5項)", () => {
    expect(deriveSmeStatus({ industry: "E", capitalYen: null, employees: 20 }).isSmallEnterprise).toBe(true);
    expect(deriveSmeStatus({ industry: "R", capitalYen: null, employees: 6 }).isSmallEnterprise).toBe(false);
  });

  it("is not an SME when nothing is known", () => {
    expect(deriveSmeStatus({ industry: "E", capitalYen: null, employees: null }).isSme).toBe(false);
  });

  it("maps construction and transport to the first sector", () => {
    expect(smeSectorForIndustry("D")).toBe("manufacturing_other");
    expect(smeSectorForIndustry("H")).toBe("manufacturing_other");
  });
});
