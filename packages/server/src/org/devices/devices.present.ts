import type { TDevice, TDeviceType, TKevMatch, TLogLocation } from "@sonae/core";
import type { devices } from "@sonae/db";
import type { KevDevice, KevMatch } from "@sonae/kev";

export type DeviceRow = typeof devices.$inferSelect;

/** The matcher's view of a device; Sonae's type codes use "_", the KEV package's use "-". */
export function toKevDevice(row: Pick<DeviceRow, "vendor" | "product" | "version" | "type">): KevDevice {
  return {
    vendor: row.vendor,
    product: row.product,
    ...(row.version ? { version: row.version } : {}),
    type: row.type.replaceAll("_", "-") as KevDevice["type"],
  };
}

function presentMatch(m: KevMatch): TKevMatch {
  return {
    cveID: m.cveID,
    vendorProject: m.vendorProject,
    product: m.product,
    vulnerabilityName: m.vulnerabilityName,
    dateAdded: m.dateAdded,
    dueDate: m.dueDate,
    knownRansomwareCampaignUse: m.knownRansomwareCampaignUse,
    requiredAction: m.requiredAction,
    versionVerdict: m.versionVerdict,
    reason: m.reason,
    basis: m.basis,
    fixedVersion: m.fixedVersion,
    weaknesses: m.weaknesses,
    advisoryUrl: m.advisoryUrl,
    matchedBy: m.matchedBy,
  };
}

/** How many entries of each verdict: the list shows affected and unknown, and counts not affected quietly. */
export function countVerdicts(matches: readonly KevMatch[]): TDevice["kevCounts"] {
  const count = (v: KevMatch["versionVerdict"]) => matches.filter((m) => m.versionVerdict === v).length;
  return {
    affected: count("affected"),
    unknown: count("version-unknown"),
    notAffected: count("not-affected-by-version"),
  };
}

/** The API shape of a device with its KEV matches (internal columns such as organisation_id stay out). */
export function presentDevice(row: DeviceRow, matches: readonly KevMatch[]): TDevice {
  return {
    id: row.id,
    name: row.name,
    type: row.type as TDeviceType,
    vendor: row.vendor,
    product: row.product,
    version: row.version,
    usage: row.usage,
    location: row.location,
    owner: row.owner,
    publicAddress: row.publicAddress,
    mfaEnabled: row.mfaEnabled,
    lastPatchedAt: row.lastPatchedAt,
    pendingUpdates: row.pendingUpdates,
    endOfSupport: row.endOfSupport,
    logLocation: row.logLocation as TLogLocation | null,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
    kevMatches: matches.map(presentMatch),
    kevCounts: countVerdicts(matches),
  };
}

/** The register's order: devices with affected entries first, then those with unknown ones, then by name. */
export function sortDevicesByRisk(list: TDevice[]): TDevice[] {
  const rank = (d: TDevice) => (d.kevCounts.affected > 0 ? 0 : d.kevCounts.unknown > 0 ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "ja"));
}
