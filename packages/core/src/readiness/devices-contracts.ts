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

/** One CISA KEV entry that applies to a device, with the matcher's version verdict and its reason. */
export const ZKevMatch = z.object({
  cveID: z.string(),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: z.string(),
  dueDate: z.string(),
  knownRansomwareCampaignUse: z.string(),
  requiredAction: z.string(),
  versionVerdict: z.enum(["affected", "not-affected-by-version", "version-unknown"]),
  reason: ZLocalised,
  matchedBy: z.string(),
});
export type TKevMatch = z.infer<typeof ZKevMatch>;

/** Which catalogue the matches come from: shown with every match (a fact carries its source and date). */
export const ZKevCatalogSummary = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  source: z.string(),
  count: z.number().int(),
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
  kevMatches: z.array(ZKevMatch),
});
export type TDevice = z.infer<typeof ZDevice>;

export const ZDeviceListResponse = z.object({ devices: z.array(ZDevice), catalog: ZKevCatalogSummary });
export type TDeviceListResponse = z.infer<typeof ZDeviceListResponse>;
export const ZDeviceResponse = z.object({ device: ZDevice, catalog: ZKevCatalogSummary });
export type TDeviceResponse = z.infer<typeof ZDeviceResponse>;
