import { z } from "zod";

/**
 * The internet-facing device register (Sonae issue 3, item 2) and its KEV matches (item 3). The police ask
 * for device name, how it is used and whether patches are applied (notice of 2025-01-31); where logs live
 * decides whether a device must stay powered on in an incident.
 */
export const DEVICE_TYPE_CODES = [
  "vpn",
  "firewall",
  "router",
  "rdp_gateway",
  "remote_access",
  "mail",
  "web",
  "nas",
  "ip_camera",
  "other",
] as const;
export type TDeviceType = (typeof DEVICE_TYPE_CODES)[number];

/** memory: lost on power-off (keep the device powered in an incident); disk: on the device; forwarded: syslog/SIEM. */
export const LOG_LOCATIONS = ["memory", "disk", "forwarded"] as const;
export type TLogLocation = (typeof LOG_LOCATIONS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const optionalDate = z.iso
  .date()
  .nullish()
  .or(z.literal(""))
  .transform((v) => (v ? v : null));

export const ZDeviceInput = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(DEVICE_TYPE_CODES),
  vendor: z.string().trim().min(1).max(200),
  product: z.string().trim().min(1).max(200),
  version: optionalText(100),
  usage: optionalText(500),
  location: optionalText(200),
  owner: optionalText(200),
  publicAddress: optionalText(300),
  mfaEnabled: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  lastPatchedAt: optionalDate,
  pendingUpdates: optionalText(1000),
  endOfSupport: optionalDate,
  logLocation: z
    .enum(LOG_LOCATIONS)
    .nullish()
    .transform((v) => v ?? null),
  notes: optionalText(2000),
});
export type TDeviceInput = z.infer<typeof ZDeviceInput>;
export const ZCreateDeviceRequest = ZDeviceInput;
export const ZUpdateDeviceRequest = ZDeviceInput;

const ZLocalised = z.object({ ja: z.string(), en: z.string() });

/**
 * Verdict of one KEV entry for one device (issue 12): affected (version in a vulnerable range), not affected
 * (NVD has ranges for the product and the version is outside all), unknown (no range data, or a version Sonae
 * cannot compare). Never guessed.
 */
export const KEV_VERDICTS = ["affected", "version-unknown", "not-affected-by-version"] as const;
export type TKevVerdict = (typeof KEV_VERDICTS)[number];

/** One CISA KEV entry that applies to a device, with its verdict and the basis of that verdict. */
export const ZKevMatch = z.object({
  cveID: z.string(),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: z.string(),
  dueDate: z.string(),
  knownRansomwareCampaignUse: z.string(),
  requiredAction: z.string(),
  versionVerdict: z.enum(KEV_VERDICTS),
  /** The basis in words: the range, the device's version, the NVD record date and retrieval date. */
  reason: ZLocalised,
  basis: z.object({
    kind: z.enum(["nvd", "cve5-cna", "none"]),
    recordDate: z.string().nullable(),
    retrieved: z.string().nullable(),
    range: z.string().nullable(),
  }),
  /** First fixed version NVD names for the matched range. */
  fixedVersion: z.string().nullable(),
  /** CWE weaknesses with a short Japanese name (content/kev/cwe-labels.json). */
  weaknesses: z.array(z.object({ cwe: z.string(), label: ZLocalised.nullable() })),
  /** Vendor advisory from the KEV notes: shown as inert text, never a link. */
  advisoryUrl: z.string().nullable(),
  matchedBy: z.string(),
});
export type TKevMatch = z.infer<typeof ZKevMatch>;

/** Which catalogue the matches come from: shown with every match (a fact carries its source and date). */
export const ZKevCatalogSummary = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  source: z.string(),
  count: z.number().int(),
  /** The NVD affected-version data behind the verdicts: newest retrieval day, files, NVD's required notice. */
  nvd: z.object({
    retrieved: z.string(),
    files: z.number().int(),
    cves: z.number().int(),
    notice: z.string(),
  }),
});
export type TKevCatalogSummary = z.infer<typeof ZKevCatalogSummary>;

export const ZDevice = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(DEVICE_TYPE_CODES),
  vendor: z.string(),
  product: z.string(),
  version: z.string().nullable(),
  usage: z.string().nullable(),
  location: z.string().nullable(),
  owner: z.string().nullable(),
  publicAddress: z.string().nullable(),
  mfaEnabled: z.boolean().nullable(),
  lastPatchedAt: z.string().nullable(),
  pendingUpdates: z.string().nullable(),
  endOfSupport: z.string().nullable(),
  logLocation: z.enum(LOG_LOCATIONS).nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  /** Affected first (red), then unknown (amber), then not affected (counted quietly). */
  kevMatches: z.array(ZKevMatch),
  kevCounts: z.object({
    affected: z.number().int(),
    unknown: z.number().int(),
    notAffected: z.number().int(),
  }),
});
export type TDevice = z.infer<typeof ZDevice>;

export const ZDeviceListResponse = z.object({ devices: z.array(ZDevice), catalog: ZKevCatalogSummary });
export type TDeviceListResponse = z.infer<typeof ZDeviceListResponse>;
export const ZDeviceResponse = z.object({ device: ZDevice, catalog: ZKevCatalogSummary });
export type TDeviceResponse = z.infer<typeof ZDeviceResponse>;
