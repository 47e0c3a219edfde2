import {
  deriveSmeStatus,
  findPrefecture,
  INDUSTRIES,
  type IndustryCode,
  PREFECTURES,
  type SmeSector,
} from "@sonae/core";
import type { TLang, TPlanModelInput } from "@sonae/documents";
import type { TPlanRecord } from "./plans-record.repo";

type TTeamRole = TPlanModelInput["team"][number]["role"];
type TExternalKind = TPlanModelInput["externalParties"][number]["kind"];
type TDeviceType = TPlanModelInput["devices"][number]["type"];
type TLogLocation = TPlanModelInput["devices"][number]["logLocation"];

const TEAM_ROLES: Record<string, TTeamRole> = {
  responsible: "lead",
  lead: "lead",
  liaison: "liaison",
  it: "it",
  pr: "pr",
  legal: "legal",
};

/** The team is listed in command order: the lead first, then the liaison to the police. */
const TEAM_ORDER: TTeamRole[] = ["lead", "liaison", "it", "pr", "legal"];

const EXTERNAL_KINDS: Record<string, TExternalKind> = {
  it_vendor: "it-vendor",
  security_vendor: "security-vendor",
  insurer: "insurer",
  lawyer: "lawyer",
  data_protection: "data-protection",
};

const DEVICE_TYPES: Record<string, TDeviceType> = {
  vpn: "vpn",
  firewall: "firewall",
  utm: "utm",
  router: "router",
  rdp_gateway: "rdp-gateway",
  remote_access: "rdp-gateway",
  mail: "server",
  web: "server",
  nas: "server",
};

/**
 * Where a device keeps its logs. Unknown is treated as "memory": the plan then tells people to keep
 * the device powered, the safe first-response advice (police: 電源を切らない) when nobody knows.
 */
function toLogLocation(value: string | null): TLogLocation {
  return value === "disk" || value === "forwarded" ? value : "memory";
}

const opt = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * Maps the organisation record (profile, contacts, devices, backup sets, business functions) into
 * the documents package's plan model. Entries a plan cannot use are left out, never invented:
 * a police desk without a verification date is not printed as fact (the plan then says where to
 * find the desk), and people without a phone number cannot be called in an incident.
 */
export function mapPlanModel(
  record: TPlanRecord,
  version: { number: number; generatedAt: Date; approvedBy?: string | null },
): TPlanModelInput {
  const org = record.organisation;
  if (!org) throw new Error("organisation not found");
  const industry = INDUSTRIES.find((i) => i.code === org.industryCode);
  const desk = record.contacts.find((c) => c.category === "police_desk" && opt(c.phone) && c.verifiedAt);
  const sme = deriveSmeStatus({
    industry: org.industryCode as IndustryCode,
    subSector: (org.smeSubSector ?? null) as SmeSector | null,
    capitalYen: org.capitalYen,
    employees: org.employees,
  });
  return {
    organisation: {
      name: org.name,
      prefecture: findPrefecture(org.prefectureCode)?.nameJa ?? org.prefectureCode,
      industry: industry?.nameJa,
      isSme: sme.isSme,
    },
    police: {
      desk: desk
        ? { name: desk.name, phone: desk.phone ?? "", url: opt(desk.url), verifiedAt: desk.verifiedAt ?? "" }
        : undefined,
    },
    team: record.contacts
      .flatMap((c) => {
        const role = TEAM_ROLES[c.role];
        const phone = opt(c.phone);
        if (c.category !== "team" || !role || !phone) return [];
        return [
          {
            role,
            name: c.name,
            title: opt(c.affiliation),
            phone,
            afterHoursPhone: opt(c.outOfHoursPhone),
            email: opt(c.email),
          },
        ];
      })
      .sort((a, b) => TEAM_ORDER.indexOf(a.role) - TEAM_ORDER.indexOf(b.role)),
    externalParties: record.contacts.flatMap((c) => {
      const kind = EXTERNAL_KINDS[c.role];
      const phone = opt(c.phone);
      if (c.category !== "external" || !kind || !phone) return [];
      return [
        {
          kind,
          organisation: opt(c.affiliation) ?? c.name,
          person: opt(c.affiliation) ? c.name : undefined,
          phone,
          hotline: opt(c.hotline),
          policyNumber: opt(c.policyNumber),
          email: opt(c.email),
        },
      ];
    }),
    devices: record.devices.map((d) => ({
      name: d.name,
      type: DEVICE_TYPES[d.type] ?? "other",
      vendor: opt(d.vendor),
      product: opt(d.product),
      version: opt(d.version),
      usage: opt(d.usage),
      logLocation: toLogLocation(d.logLocation),
    })),
    backups: record.backups.map((b) => ({
      what: `${b.name}（${b.protects}）`,
      media: b.media,
      location: opt(b.location) ?? "—",
      connectivity: (["online", "offline", "immutable"].includes(b.connectivity)
        ? b.connectivity
        : "online") as "online" | "offline" | "immutable",
      lastRestoreTest: b.lastRestoreTestAt ?? undefined,
    })),
    businessFunctions: record.businessFunctions.map((f) => ({
      name: f.name,
      priority: f.priority,
      rtoHours: f.rtoHours,
      manualWorkaround: opt(f.manualWorkaround),
    })),
    version: {
      number: String(version.number),
      generatedAt: version.generatedAt.toISOString(),
      approvedBy: opt(version.approvedBy),
    },
  };
}

/**
 * The snapshot keeps reference names in Japanese (the document's first language). For an English
 * rendering the prefecture and industry names are swapped for their official English names; the
 * organisation's own entries (names, notes) stay as they were recorded.
 */
export function localisePlanModel(model: TPlanModelInput, lang: TLang): TPlanModelInput {
  if (lang === "ja") return model;
  const prefecture = PREFECTURES.find((p) => p.nameJa === model.organisation.prefecture);
  const industry = INDUSTRIES.find((i) => i.nameJa === model.organisation.industry);
  return {
    ...model,
    organisation: {
      ...model.organisation,
      prefecture: prefecture?.nameEn ?? model.organisation.prefecture,
      industry: industry?.nameEn ?? model.organisation.industry,
    },
  };
}
