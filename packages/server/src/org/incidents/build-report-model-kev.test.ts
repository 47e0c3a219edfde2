import type { TIncidentDetail } from "@sonae/core";
import { loadShippedKevCatalog } from "@sonae/kev";
import { describe, expect, it } from "vitest";
import { buildReportModel } from "./build-report-model";

const organisation = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "株式会社備え精機",
  prefectureCode: "27",
  industryCode: "E",
  smeSubSector: null,
  capitalYen: 10_000_000,
  employees: 30,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-01T00:00:00Z"),
};

const incident = {
  id: "00000000-0000-4000-8000-000000000002",
  reference: "INC-2026-0001",
  status: "draft",
  wizardStep: "what",
  title: "INC-2026-0001",
  symptoms: [],
  discoveredAt: null,
  discoveredBy: null,
  discoveredHow: null,
  learnedAt: null,
  firstAnomalyAt: null,
  summary: null,
  businessImpact: null,
  personalData: "unknown",
  request: "undecided",
  intrusionMethod: "unknown",
  intrusionDetail: null,
  terminals: [],
  ncoConsent: "unknown",
  criticalInfrastructure: "unknown",
  ddos: null,
  demand: null,
  family: null,
  checklist: [],
  timeline: [],
  indicators: [],
  deadlines: [],
  ppc: { answers: null, status: "unanswered", suggestedUnauthorisedPurpose: false, finalReportDays: 30 },
  createdAt: "2026-11-20T00:00:00.000Z",
  updatedAt: "2026-11-20T00:00:00.000Z",
} as TIncidentDetail;

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
