import { assessPpc, type TIncidentDetail } from "@sonae/core";

/** The organisation a police report package is built for in the model tests. */
export const organisation = {
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

/** A draft with nothing filled in: the first report may be this minimal. */
export function bareIncident(): TIncidentDetail {
  return {
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
    ppc: assessPpc(null, []),
    createdAt: "2026-11-20T00:00:00.000Z",
    updatedAt: "2026-11-20T00:00:00.000Z",
  };
}
