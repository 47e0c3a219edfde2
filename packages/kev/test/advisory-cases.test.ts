import { describe, expect, it } from "vitest";
import { loadShippedKevCatalog } from "../src/catalog-store";
import { matchDevice } from "../src/device-matcher";
import cases from "./fixtures/advisory-cases.json" with { type: "json" };

const catalog = loadShippedKevCatalog();
const VERDICT = {
  affected: "affected",
  "not-affected": "not-affected-by-version",
  unknown: "version-unknown",
} as const;
type Case = (typeof cases.cases)[number] & {
  dataGaps?: Record<string, { advisory: string; sonae: keyof typeof VERDICT; why: string }>;
};

describe("verdicts on real devices from vendors' advisories", () => {
  it("has at least 40 cases across Fortinet, Ivanti, SonicWall, Cisco, Palo Alto and Citrix, each with a source", () => {
    expect(cases.cases.length).toBeGreaterThanOrEqual(40);
    const vendors = new Set(cases.cases.map((c) => c.vendor));
    for (const v of ["Fortinet", "Ivanti", "SonicWall", "Cisco", "Palo Alto Networks", "Citrix"]) {
      expect(vendors).toContain(v);
    }
    for (const c of cases.cases) expect(c.sources.length).toBeGreaterThan(0);
  });

  it.each((cases.cases as Case[]).map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const result = matchDevice({ vendor: c.vendor, product: c.product, version: c.version }, catalog);
    const got = new Map(result.matches.map((m) => [m.cveID, m]));
    const expectedAffected = Object.entries(c.expected)
      .filter(([, v]) => v === "affected")
      .map(([cve]) => cve)
      .sort();
    const listed = new Set(Object.keys(c.expected));
    const sonaeAffected = result.matches
      .filter((m) => m.versionVerdict === "affected" && listed.has(m.cveID))
      .map((m) => m.cveID)
      .sort();
    expect(sonaeAffected).toEqual(expectedAffected);
    for (const [cve, verdict] of Object.entries(c.expected)) {
      expect({ cve, verdict: got.get(cve)?.versionVerdict }).toEqual({
        cve,
        verdict: VERDICT[verdict as keyof typeof VERDICT],
      });
    }
    // Where NVD's data disagrees with the advisory, Sonae says "unknown", never the advisory's opposite.
    for (const [cve, gap] of Object.entries(c.dataGaps ?? {})) {
      expect({ cve, verdict: got.get(cve)?.versionVerdict }).toEqual({
        cve,
        verdict: VERDICT[gap.sonae as keyof typeof VERDICT],
      });
    }
  });

  it("gives the done-when verdicts with their basis and data date", () => {
    const forti = matchDevice({ vendor: "Fortinet", product: "FortiGate 60F", version: "7.0.12" }, catalog);
    const cve = (id: string) => forti.matches.find((m) => m.cveID === id)!;
    expect(cve("CVE-2024-21762")).toMatchObject({ versionVerdict: "affected", fixedVersion: "7.0.14" });
    expect(cve("CVE-2024-21762").reason.en).toContain("7.0.0 ≤ v < 7.0.14");
    expect(cve("CVE-2018-13379").versionVerdict).toBe("not-affected-by-version");
    expect(cve("CVE-2018-13379").reason.ja).toMatch(
      /NVD（2025-10-24 更新、取得 2026-12-01）.*6\.0\.0 ≤ v < 6\.0\.5/,
    );
    const sma = matchDevice({ vendor: "SonicWall", product: "SMA 100", version: "10.2.1.13-72sv" }, catalog);
    const sra = sma.matches.find((m) => m.cveID === "CVE-2021-20028")!;
    expect(sra.versionVerdict).toBe("not-affected-by-version");
    expect(sra.reason.en).toContain("8.0.0.0 ≤ v < 9.0.0.10");
    expect(sma.matches.filter((m) => m.versionVerdict === "affected")).toEqual([]);
  });

  it("never says not affected without range data or a readable version", () => {
    const r = (version?: string) =>
      matchDevice({ vendor: "Fortinet", product: "FortiGate", version }, catalog).matches.find(
        (m) => m.cveID === "CVE-2024-21762",
      )!;
    expect(r(undefined).versionVerdict).toBe("version-unknown");
    expect(r("latest").versionVerdict).toBe("version-unknown");
    expect(r("7.0").versionVerdict).toBe("version-unknown"); // FortiOS versions have three numbers
    // Exchange: NVD names versions by cumulative update; Sonae does not compare them.
    const exchange = matchDevice(
      { vendor: "Microsoft", product: "Exchange Server 2019", version: "15.2.1544.4" },
      catalog,
    );
    expect(exchange.matches.length).toBeGreaterThan(0);
    expect(exchange.matches.every((m) => m.versionVerdict !== "not-affected-by-version")).toBe(true);
  });
});
