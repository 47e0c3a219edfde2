import { z } from "zod";

/** Output language: Japanese first, English available. */
export const ZLang = z.enum(["ja", "en"]);
export type TLang = z.infer<typeof ZLang>;

/** Which generated plan: the incident-response manual (サイバー攻撃対応マニュアル) or the cyber-attack BCP. */
export const ZPlanKind = z.enum(["manual", "bcp"]);
export type TPlanKind = z.infer<typeof ZPlanKind>;

const text = (max = 500) => z.string().trim().min(1).max(max);
const optionalText = (max = 500) => z.string().trim().max(max).optional();
/** Dates travel as ISO strings so the model stays JSON-serialisable. */
const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

/**
 * The organisation's own prefectural cyber-crime desk. Optional on purpose: no verified national list
 * exists in the product, so an unrecorded desk is rendered as "not recorded" plus where to find it.
 */
export const ZPoliceDesk = z.object({
  name: text(200),
  phone: text(40),
  url: z.url().max(500).optional(),
  verifiedAt: isoDate,
});

export const ZTeamRole = z.enum(["lead", "liaison", "it", "pr", "legal"]);
export type TTeamRole = z.infer<typeof ZTeamRole>;

export const ZTeamMember = z.object({
  role: ZTeamRole,
  name: text(100),
  title: optionalText(100),
  phone: text(40),
  /** Out-of-hours phone: incidents are often found at night or on holidays. */
  afterHoursPhone: optionalText(40),
  email: z.email().max(200).optional(),
});

export const ZExternalKind = z.enum(["it-vendor", "security-vendor", "insurer", "lawyer", "data-protection"]);
export type TExternalKind = z.infer<typeof ZExternalKind>;

export const ZExternalParty = z.object({
  kind: ZExternalKind,
  organisation: text(200),
  person: optionalText(100),
  phone: text(40),
  /** Insurers: the 24-hour incident hotline, which is often not the sales number. */
  hotline: optionalText(40),
  policyNumber: optionalText(100),
  email: z.email().max(200).optional(),
});

export const ZLogLocation = z.enum(["memory", "disk", "forwarded"]);

export const ZDevice = z.object({
  name: text(100),
  type: z.enum(["vpn", "firewall", "utm", "router", "rdp-gateway", "server", "other"]),
  vendor: optionalText(100),
  product: optionalText(100),
  version: optionalText(100),
  usage: optionalText(300),
  /** 'memory': logs are lost on power-off, so the device must stay powered (police first-response advice). */
  logLocation: ZLogLocation,
});

export const ZBackup = z.object({
  what: text(200),
  media: text(100),
  location: text(200),
  connectivity: z.enum(["online", "offline", "immutable"]),
  lastRestoreTest: isoDate.optional(),
});

export const ZBusinessFunction = z.object({
  name: text(200),
  priority: z.number().int().min(1).max(99),
  rtoHours: z
    .number()
    .positive()
    .max(24 * 365),
  manualWorkaround: optionalText(1000),
});

/** Everything a plan is generated from; the server maps DB rows into this. */
export const ZPlanModel = z.object({
  organisation: z.object({
    name: text(200),
    prefecture: text(20),
    industry: optionalText(100),
    isSme: z.boolean(),
  }),
  police: z.object({ desk: ZPoliceDesk.optional() }),
  team: z.array(ZTeamMember).max(50),
  externalParties: z.array(ZExternalParty).max(50),
  devices: z.array(ZDevice).max(200),
  backups: z.array(ZBackup).max(100),
  businessFunctions: z.array(ZBusinessFunction).max(100),
  version: z.object({
    number: text(20),
    generatedAt: z.iso.datetime({ offset: true }),
    approvedBy: optionalText(100),
  }),
});
export type TPlanModel = z.infer<typeof ZPlanModel>;
export type TPlanModelInput = z.input<typeof ZPlanModel>;

/** Validates an untrusted model; throws a ZodError listing every bad field (no half-rendered output). */
export function parsePlanModel(input: unknown): TPlanModel {
  return ZPlanModel.parse(input);
}
