import { statSync } from "node:fs";
import path from "node:path";
import type { TKevCatalogSummary } from "@sonae/core";
import { type KevCatalog, type KevRanges, loadKevCatalog, loadKevRanges, NVD_NOTICE } from "@sonae/kev";

/** Where imported and fetched catalogues live: `${dataDir}/kev` (the same folder `sonae kev import` writes). */
export function kevDirOf(dataDir: string): string {
  return path.join(dataDir, "kev");
}

const cache = new Map<string, { stamp: string; catalog: KevCatalog }>();

function folderStamp(dir: string): string {
  try {
    return String(statSync(dir).mtimeMs);
  } catch {
    return "absent";
  }
}

/**
 * The catalogue devices are matched against, loaded once per data folder and kept. Parsing it takes about
 * 0.3 s, so requests never do it: the cache is replaced after an admin fetch ({@link reloadKevCatalog}) and
 * when the folder's modification time changes, which is what `sonae kev import` does from another process.
 */
export function getKevCatalog(dataDir: string): KevCatalog {
  const dir = kevDirOf(dataDir);
  const stamp = folderStamp(dir);
  const cached = cache.get(dir);
  if (cached?.stamp === stamp) return cached.catalog;
  const catalog = loadKevCatalog(dir);
  cache.set(dir, { stamp, catalog });
  return catalog;
}

/** Drops the cached catalogue of `dataDir` and loads the newest one again. */
export function reloadKevCatalog(dataDir: string): KevCatalog {
  cache.delete(kevDirOf(dataDir));
  return getKevCatalog(dataDir);
}

/**
 * The NVD affected-version data of `dataDir` (shipped + fetched + uploaded), rebuilt only when a file changes
 * (the loader caches parsed files by modification time).
 */
export function getKevRanges(dataDir: string): KevRanges {
  return loadKevRanges(kevDirOf(dataDir));
}

/** The facts shown next to every match: which catalogue, released when, from where, and the NVD data's date. */
export function summariseKevCatalog(catalog: KevCatalog, ranges: KevRanges): TKevCatalogSummary {
  return {
    catalogVersion: catalog.catalogVersion,
    dateReleased: catalog.dateReleased,
    source: catalog.source,
    count: catalog.vulnerabilities.length,
    nvd: {
      retrieved: ranges.newestRetrieved,
      files: ranges.sets.length,
      cves: ranges.records.size,
      notice: NVD_NOTICE,
    },
  };
}
