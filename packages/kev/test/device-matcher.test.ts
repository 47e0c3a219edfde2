import { describe, expect, it } from "vitest";
import { loadShippedKevCatalog } from "../src/catalog-store";
import { matchDevice } from "../src/device-matcher";

const catalog = loadShippedKevCatalog();
const cves = (r: ReturnType<typeof matchDevice>) => r.matches.map((m) => m.cveID);

describe("matchDevice against the shipped KEV catalogue", () => {
  it("matches a FortiGate SSL-VPN to the FortiOS entries, with catalogue facts", () => {
    const r = matchDevice(
      { vendor: "Fortinet", product: "FortiGate 60F", version: "7.2.4", type: "vpn" },
      catalog,
    );
    expect(cves(r)).toEqual(
      expect.arrayContaining(["CVE-2018-13379", "CVE-2022-42475", "CVE-2023-27997", "CVE-2024-21762"]),
    );
    expect(r.matches.every((m) => m.vendorProject === "Fortinet")).toBe(true);
    expect(cves(r)).not.toContain("CVE-2025-32756"); // FortiFone/FortiVoice/FortiNDR/FortiMail, not FortiOS
    expect(cves(r)).not.toContain("CVE-2024-47575"); // FortiManager
    const ssl = r.matches.find((m) => m.cveID === "CVE-2018-13379")!;
    expect(ssl).toMatchObject({
      vulnerabilityName: "Fortinet FortiOS SSL VPN Path Traversal Vulnerability",
      dateAdded: "2021-11-03",
      dueDate: "2022-05-03",
      knownRansomwareCampaignUse: "Known",
      versionVerdict: "not-affected-by-version",
      advisoryUrl: "https://nvd.nist.gov/vuln/detail/CVE-2018-13379",
      weaknesses: [{ cwe: "CWE-22", label: { ja: "パストラバーサル", en: "Path Traversal" } }],
    });
    expect(ssl.reason.en).toContain("6.0.0 ≤ v < 6.0.5");
    expect(ssl.reason.ja).toContain("2025-10-24");
    expect(r.catalog).toEqual({
      version: "2026.08.07",
      dateReleased: "2026-08-07T16:45:47.0648Z",
      source: "shipped",
    });
  });

  it("does not match an unrelated product or an unknown vendor", () => {
    expect(matchDevice({ vendor: "YAMAHA", product: "RTX1300" }, catalog).matches).toEqual([]);
    expect(matchDevice({ vendor: "Fortinet", product: "FortiSwitch 148F" }, catalog).matches).toEqual([]);
    expect(matchDevice({ vendor: "", product: "" }, catalog).matches).toEqual([]);
  });

  it("normalises case, full-width characters, corporate suffixes and katakana vendor names", () => {
    const plain = cves(matchDevice({ vendor: "Fortinet", product: "FortiGate" }, catalog));
    for (const vendor of [
      "フォーティネット",
      "ＦＯＲＴＩＮＥＴ，ＩＮＣ．",
      "fortinet inc.",
      "Fortinet Japan 合同会社",
    ]) {
      expect(cves(matchDevice({ vendor, product: "ＦｏｒｔｉＧａｔｅ　６０Ｆ" }, catalog))).toEqual(plain);
    }
  });

  it("treats Pulse Secure and Ivanti Connect Secure as one product line", () => {
    const pulse = cves(matchDevice({ vendor: "Pulse Secure", product: "Pulse Connect Secure" }, catalog));
    const ivanti = cves(matchDevice({ vendor: "Ivanti", product: "Connect Secure" }, catalog));
    expect(pulse).toEqual(ivanti);
    expect(pulse).toEqual(
      expect.arrayContaining(["CVE-2019-11510", "CVE-2023-46805", "CVE-2024-21887", "CVE-2025-0282"]),
    );
  });

  it("infers the vendor from a brand when the vendor field holds a product name", () => {
    const viaBrand = cves(matchDevice({ vendor: "FortiGate", product: "60F" }, catalog));
    expect(viaBrand).toEqual(cves(matchDevice({ vendor: "Fortinet", product: "FortiGate 60F" }, catalog)));
    expect(cves(matchDevice({ vendor: "不明", product: "TeraStation TS3420DN" }, catalog))).toEqual([]);
  });

  it("does not apply on-premises entries to the vendor's cloud service", () => {
    expect(matchDevice({ vendor: "Microsoft", product: "Exchange Online" }, catalog).matches).toEqual([]);
    expect(cves(matchDevice({ vendor: "Trend Micro", product: "Apex One as a Service" }, catalog))).toContain(
      "CVE-2022-40139", // "Apex One and Apex One as a Service"
    );
  });

  it("reads the products a 'Multiple Products' entry names in its description", () => {
    const r = matchDevice({ vendor: "VMware", product: "Workspace ONE Access" }, catalog);
    expect(cves(r)).toEqual(expect.arrayContaining(["CVE-2022-22960", "CVE-2020-4006"]));
    // A DNS-320 is not among "DNS-320L, DNS-325, DNS-327L, and DNS-340L".
    const nas = cves(matchDevice({ vendor: "D-Link", product: "DNS-320" }, catalog));
    expect(nas).not.toContain("CVE-2024-3273");
  });

  it("finds the vendor from the product text when the vendor field is empty", () => {
    const r = matchDevice({ vendor: "", product: "Citrix NetScaler Gateway" }, catalog);
    expect(cves(r)).toEqual(expect.arrayContaining(["CVE-2019-19781", "CVE-2023-3519", "CVE-2023-4966"]));
  });

  it("classifies versions from NVD's ranges and never drops a product match for an unknown version", () => {
    const csa = (version?: string) =>
      matchDevice({ vendor: "Ivanti", product: "Cloud Services Appliance", version }, catalog).matches.find(
        (m) => m.cveID === "CVE-2024-9379",
      );
    expect(csa("4.6")?.versionVerdict).toBe("affected");
    expect(csa("5.0.2")?.versionVerdict).toBe("not-affected-by-version");
    expect(csa("5.0.2")?.reason.en).toContain("v < 5.0.2");
    expect(csa("4.6 Patch 519")?.versionVerdict).toBe("affected");
    expect(csa(undefined)?.versionVerdict).toBe("version-unknown");
    expect(csa("unknown")?.versionVerdict).toBe("version-unknown");
  });

  it("orders matches affected, unknown, not affected, newest first within each, and reports each CVE once", () => {
    const r = matchDevice({ vendor: "Fortinet", product: "FortiGate 60F", version: "7.0.12" }, catalog);
    expect(new Set(cves(r)).size).toBe(r.matches.length);
    const rank = { affected: 0, "version-unknown": 1, "not-affected-by-version": 2 };
    expect(r.matches.length).toBeGreaterThan(5);
    for (let i = 1; i < r.matches.length; i++) {
      const a = r.matches[i - 1]!;
      const b = r.matches[i]!;
      const order = rank[a.versionVerdict] - rank[b.versionVerdict] || b.dateAdded.localeCompare(a.dateAdded);
      expect(order).toBeLessThanOrEqual(0);
    }
    expect(r.matches[0]!.versionVerdict).toBe("affected");
    expect(r.matches.at(-1)!.versionVerdict).toBe("not-affected-by-version");
  });
});
