/** Types shared by the KEV catalogue store and the device matcher. Field names follow the CISA KEV JSON schema. */

/** One entry of the CISA KEV catalogue (schema `$defs/vulnerability`). */
export interface KevVulnerability {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  dateAdded: string;
  shortDescription: string;
  requiredAction: string;
  dueDate: string;
  knownRansomwareCampaignUse?: string;
  notes?: string;
  cwes?: string[];
}

/** The whole catalogue file as CISA publishes it. */
export interface KevCatalogFile {
  title?: string;
  catalogVersion: string;
  dateReleased: string;
  count: number;
  vulnerabilities: KevVulnerability[];
}

/** A catalogue plus where Sonae got it from ("shipped", "imported:<file name>", "fetched:<url>"). */
export interface KevCatalog extends KevCatalogFile {
  source: string;
}

export const DEVICE_TYPES = [
  "vpn",
  "firewall",
  "router",
  "rdp-gateway",
  "remote-access",
  "mail",
  "web",
  "nas",
  "ip-camera",
  "other",
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** An internet-facing device as the organisation describes it (free text, any language). */
export interface KevDevice {
  vendor: string;
  product: string;
  version?: string;
  type?: DeviceType;
}

/** Japanese first, English second, as every user-facing string in Sonae. */
export interface LocalisedText {
  ja: string;
  en: string;
}

export type VersionVerdict = "affected" | "not-affected-by-version" | "version-unknown";

/** One KEV entry that applies to a device. */
export interface KevMatch {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  dateAdded: string;
  dueDate: string;
  /** "Known" or "Unknown" exactly as in the catalogue. */
  knownRansomwareCampaignUse: string;
  requiredAction: string;
  versionVerdict: VersionVerdict;
  reason: LocalisedText;
  /** How the product was matched, for the analyst (e.g. "alias:fortios"). */
  matchedBy: string;
}

export interface KevMatchResult {
  device: KevDevice;
  matches: KevMatch[];
  catalog: { version: string; dateReleased: string; source: string };
}
