import { loadShippedKevCatalog } from "@sonae/kev";
import { describe, expect, it } from "vitest";
import { buildReportModel } from "./build-report-model";
import { bareIncident, organisation } from "./testing/report-model-fixture";

const incident = bareIncident();

const device = (vendor: string, product: string, version: string | null) => ({
  id: `${product}-${version}`,
  organisationId: organisation.id,
  name: product,
  type: "vpn",
  vendor,
  product,
  version,
  usage: null,
  location: null,
  owner: null,
  publicAddress: null,
  mfaEnabled: null,
  lastPatchedAt: null,
  pendingUpdates: null,
  endOfSupport: null,
  logLocation: null,
  notes: null,
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe("report package device verdicts (issue 12)", () => {
  it("carries affected and unknown entries with verdict and basis, never the vendor's whole history", () => {
    const model = buildReportModel(
      incident,
      {
        organisation,
        contacts: [],
        devices: [
          device("Fortinet", "FortiGate 60F", "7.0.12"),
          device("SonicWall", "SMA 100", "10.2.1.13-72sv"),
          device("Fortinet", "FortiGate 60F", null),
        ],
        diagram: null,
        kev: loadShippedKevCatalog(),
      },
      "x",
    );
    const [forti, sma, unversioned] = model.internetFacingDevices as unknown as Array<{
      kevMatches: Array<{
        cveId: string;
        verdict: string;
        basis?: string;
        fixedVersion?: string;
        dueDate?: string;
      }>;
      patchState: string;
    }>;
    const cves = forti!.kevMatches.map((m) => m.cveId);
    expect(cves).toContain("CVE-2024-21762");
    expect(cves).not.toContain("CVE-2018-13379");
    const cve = forti!.kevMatches.find((m) => m.cveId === "CVE-2024-21762")!;
    expect(cve).toMatchObject({ verdict: "affected", fixedVersion: "7.0.14", dueDate: "2024-02-16" });
    expect(cve.basis).toContain("7.0.0 ≤ v < 7.0.14");
    expect(forti!.patchState).toBe("outdated");
    expect(sma!.kevMatches).toEqual([]);
    // Without a version every product match is "unknown": listed as such, not as affected.
    expect(unversioned!.kevMatches.length).toBeGreaterThan(0);
    expect(unversioned!.kevMatches.every((m) => m.verdict === "unknown")).toBe(true);
  });
});
