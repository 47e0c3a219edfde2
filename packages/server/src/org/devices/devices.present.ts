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
    matchedBy: m.matchedBy,
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
  };
}
