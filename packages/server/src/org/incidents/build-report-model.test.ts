import { parseReportPackage, renderReportStix } from "@sonae/documents";
import { loadShippedKevCatalog } from "@sonae/kev";
import { describe, expect, it } from "vitest";
import { buildReportModel, CONFIDENTIALITY_MARK } from "./build-report-model";
import { bareIncident, organisation } from "./testing/report-model-fixture";
import { validateStixBundle } from "./testing/stix-validate";

describe("buildReportModel", () => {
  it("builds a valid package from a bare draft and an empty readiness record (first report may be minimal)", () => {
    const model = parseReportPackage(
      buildReportModel(
        bareIncident(),
        { organisation, contacts: [], devices: [], diagram: null, kev: null },
        "管理 太郎",
      ),
    );
    expect(model.confidentiality).toBe(CONFIDENTIALITY_MARK);
    expect(model.organisation).toMatchObject({ prefecture: "大阪府", industry: "製造業", isSme: true });
    expect(model.contactPerson).toMatchObject({ name: "管理 太郎", reachable24h: false });
    expect(model.incident.discoveredAt).toBe("2026-11-20T00:00:00.000Z");
    // Nothing recorded stays absent (each document says "not recorded" in its own language).
    expect(model.networkDiagram).toEqual({ attachments: [] });
    expect(model.contactPerson.phone).toBeUndefined();
    expect(model.incident.discoveredHow).toBeUndefined();
    expect(model.sourceNotes.some((n) => n.label.includes("KEV"))).toBe(false);
    expect(validateStixBundle(renderReportStix(model))).toEqual([]);
  });

  it("marks an unpatched Fortinet VPN outdated with its KEV matches and names the catalogue", () => {
    const kev = loadShippedKevCatalog();
    const device = {
      id: "d",
      organisationId: organisation.id,
      name: "本社VPN",
      type: "vpn",
      vendor: "フォーティネット",
      product: "FortiGate",
      version: "6.0.4",
      usage: null,
      location: null,
      owner: null,
      publicAddress: null,
      mfaEnabled: null,
      lastPatchedAt: "2019-01-01",
      pendingUpdates: null,
      endOfSupport: null,
      logLocation: "memory",
      notes: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const model = parseReportPackage(
      buildReportModel(
        bareIncident(),
        { organisation, contacts: [], devices: [device], diagram: null, kev },
        "x",
      ),
    );
    const vpn = model.internetFacingDevices[0]!;
    expect(vpn.kevMatches.length).toBeGreaterThan(0);
    expect(vpn.patchState).toBe("outdated");
    expect(vpn.lastPatchedAt).toBe("2019-01-01");
    expect(vpn.kevMatches.every((k) => k.verdict === "affected" || k.verdict === "unknown")).toBe(true);
    expect(vpn.kevMatches.every((k) => k.basis && k.basisEn)).toBe(true);
    expect(model.sourceNotes.find((n) => n.label.includes("KEV"))?.value).toContain(kev.catalogVersion);
  });
});
