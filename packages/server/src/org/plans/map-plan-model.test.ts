import { parsePlanModel } from "@sonae/documents";
import { describe, expect, it } from "vitest";
import { localisePlanModel, mapPlanModel } from "./map-plan-model";
import type { TPlanRecord } from "./plans-record.repo";

const NOW = new Date("2026-11-01T00:00:00Z");
const base = { createdAt: NOW, updatedAt: NOW, organisationId: "o" };
const contact = (over: Partial<TPlanRecord["contacts"][number]>): TPlanRecord["contacts"][number] => ({
  ...base,
  id: crypto.randomUUID(),
  category: "team",
  role: "it",
  name: "名前",
  affiliation: null,
  phone: null,
  outOfHoursPhone: null,
  email: null,
  url: null,
  policyNumber: null,
  hotline: null,
  notes: null,
  verifiedAt: null,
  ...over,
});
const device = (over: Partial<TPlanRecord["devices"][number]>): TPlanRecord["devices"][number] => ({
  ...base,
  id: crypto.randomUUID(),
  name: "装置",
  type: "vpn",
  vendor: "Fortinet",
  product: "FortiGate",
  version: null,
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
  ...over,
});

function record(over: Partial<TPlanRecord> = {}): TPlanRecord {
  return {
    organisation: {
      id: "o",
      name: "株式会社テスト",
      prefectureCode: "27",
      industryCode: "E",
      smeSubSector: null,
      capitalYen: 10_000_000,
      employees: 20,
      createdAt: NOW,
      updatedAt: NOW,
    } as TPlanRecord["organisation"],
    contacts: [],
    devices: [],
    backups: [],
    businessFunctions: [],
    ...over,
  };
}

describe("mapPlanModel", () => {
  it("maps the record's vocabularies into a valid plan model", () => {
    const model = mapPlanModel(
      record({
        contacts: [
          contact({ role: "legal", name: "法務", phone: "03-0000-0005" }),
          contact({ role: "responsible", name: "責任者", phone: "03-0000-0001" }),
          contact({
            category: "external",
            role: "it_vendor",
            name: "担当",
            affiliation: "保守会社",
            phone: "03-1",
          }),
          contact({ category: "external", role: "other", name: "その他", phone: "03-2" }),
        ],
        devices: [
          device({ type: "rdp_gateway", logLocation: "forwarded" }),
          device({ type: "ip_camera" }),
          device({ type: "nas", logLocation: "disk" }),
        ],
      }),
      { number: 3, generatedAt: NOW },
    );
    expect(() => parsePlanModel(model)).not.toThrow();
    expect(model.organisation).toMatchObject({ prefecture: "大阪府", industry: "製造業", isSme: true });
    expect(model.team.map((m) => m.role)).toEqual(["lead", "legal"]);
    expect(model.externalParties).toEqual([
      expect.objectContaining({ kind: "it-vendor", organisation: "保守会社", person: "担当" }),
    ]);
    // Unknown log location is treated as memory: "keep it powered" is the safe advice.
    expect(model.devices.map((d) => [d.type, d.logLocation])).toEqual([
      ["rdp-gateway", "forwarded"],
      ["other", "memory"],
      ["server", "disk"],
    ]);
    expect(model.police.desk).toBeUndefined();
    expect(model.version.number).toBe("3");
  });

  it("prints a police desk only when it has a phone number and a verification date", () => {
    const desk = contact({
      category: "police_desk",
      role: "prefectural_desk",
      name: "大阪府警察 窓口",
      phone: "06-0",
    });
    expect(
      mapPlanModel(record({ contacts: [desk] }), { number: 1, generatedAt: NOW }).police.desk,
    ).toBeUndefined();
    const verified = { ...desk, verifiedAt: "2026-09-30" };
    expect(
      mapPlanModel(record({ contacts: [verified] }), { number: 1, generatedAt: NOW }).police.desk,
    ).toMatchObject({
      name: "大阪府警察 窓口",
      phone: "06-0",
      verifiedAt: "2026-09-30",
    });
  });

  it("uses the English prefecture and industry names for an English rendering", () => {
    const model = mapPlanModel(record(), { number: 1, generatedAt: NOW });
    expect(localisePlanModel(model, "en").organisation).toMatchObject({
      prefecture: "Osaka",
      industry: "Manufacturing",
    });
    expect(localisePlanModel(model, "ja")).toBe(model);
  });
});
