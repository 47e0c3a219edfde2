import type { TPhishUrl } from "@sonae/core";
import type { hubPhishUrls } from "@sonae/db";

type Row = typeof hubPhishUrls.$inferSelect;

/** A URL record as officers see it (presenter: internal columns such as the proposal cache stay out). */
export function presentPhishUrl(row: Row): TPhishUrl {
  return {
    id: Number(row.id),
    canonical: row.canonical,
    host: row.host,
    hostUnicode: row.hostUnicode,
    registrableDomain: row.registrableDomain,
    ip: row.ip,
    flags: row.flags,
    warningListed: row.warningListed,
    state: row.state,
    category: row.category,
    brandId: row.brandId,
    discoveredVia: row.discoveredVia,
    verdict: row.verdictAt
      ? { by: row.verdictBy, reason: row.verdictReason, at: row.verdictAt.toISOString() }
      : null,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    sightingCount: row.sightingCount,
  };
}
