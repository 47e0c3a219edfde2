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

/**
 * affected: the version lies in a vulnerable range; not-affected-by-version: NVD has ranges for this product and
 * the version lies outside all (or NVD names other products only); version-unknown: no range data, or a
 * version Sonae cannot compare. Never guessed.
 */
export type VersionVerdict = "affected" | "not-affected-by-version" | "version-unknown";

/** Where a verdict comes from and how old that data is. */
export interface KevVerdictBasis {
  kind: "nvd" | "cve5-cna" | "none";
  /** NVD lastModified of the record used (YYYY-MM-DD). */
  recordDate: string | null;
  /** Day the range data was read (YYYY-MM-DD). */
  retrieved: string | null;
  /** The vulnerable range that made the device affected. */
  range: string | null;
}

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
  /** The basis of the verdict in words (range, version, data date). */
  reason: LocalisedText;
  basis: KevVerdictBasis;
  /** First fixed version NVD names for the range that matched, else null. */
  fixedVersion: string | null;
  /** The entry's CWEs with short Japanese/English names. */
  weaknesses: { cwe: string; label: LocalisedText | null }[];
  /** The vendor advisory named in the entry's notes (shown as inert text, never a link). */
  advisoryUrl: string | null;
  /** How the product was matched, for the analyst (e.g. "alias:fortios"). */
  matchedBy: string;
}

export interface KevMatchResult {
  device: KevDevice;
  matches: KevMatch[];
  catalog: { version: string; dateReleased: string; source: string };
}
