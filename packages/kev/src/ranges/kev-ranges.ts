import { getDefaultKevDataDir } from "../catalog-store";
import { vulnerableMatches } from "./cpe-match";
import { loadNvdRangeSets, loadShippedNvdRanges, mergeNvdRecords } from "./nvd-range-store";
import type { NvdRangeRecord, NvdRangeSet } from "./nvd-range-types";
import type { RangeLookup } from "./range-verdict";

/** All range data in use, one record per CVE, built once per set of files. */
export interface KevRanges {
  records: Map<string, { record: NvdRangeRecord; set: NvdRangeSet }>;
  /** The files used, for "data of …" next to every verdict. */
  sets: { origin: string; source: string; retrieved: string; count: number }[];
  newestRetrieved: string;
  /** CVEs whose NVD record names a CPE product ("fortinet:fortiproxy") as vulnerable. */
  cvesByProduct: Map<string, string[]>;
}

export function buildKevRanges(sets: readonly NvdRangeSet[]): KevRanges {
  const records = mergeNvdRecords(sets);
  const cvesByProduct = new Map<string, string[]>();
  for (const [cve, { record }] of records) {
    for (const product of new Set(vulnerableMatches(record.configurations).map((m) => m.product))) {
      const list = cvesByProduct.get(product) ?? [];
      list.push(cve);
      cvesByProduct.set(product, list);
    }
  }
  return {
    records,
    cvesByProduct,
    sets: sets.map((s) => ({
      origin: s.origin,
      source: s.source,
      retrieved: s.retrieved,
      count: Object.keys(s.cves).length,
    })),
    newestRetrieved:
      sets
        .map((s) => s.retrieved)
        .sort()
        .at(-1) ?? "",
  };
}

/** The lookup for one CVE. */
export function lookupRanges(ranges: KevRanges, cveID: string): RangeLookup {
  const hit = ranges.records.get(cveID);
  return { record: hit?.record, set: hit?.set, newestRetrieved: ranges.newestRetrieved };
}

let shipped: KevRanges | undefined;

/** Only the shipped range data (tests, and callers without a data folder). */
export function loadShippedKevRanges(): KevRanges {
  shipped ??= buildKevRanges([loadShippedNvdRanges()]);
  return shipped;
}

let lastBuilt: { key: NvdRangeSet[]; ranges: KevRanges } | undefined;

/** Shipped plus fetched/imported/uploaded range data in `dir` (`${SONAE_DATA_DIR}/kev`), rebuilt only on change. */
export function loadKevRanges(dir = getDefaultKevDataDir()): KevRanges {
  const sets = loadNvdRangeSets(dir);
  if (lastBuilt && lastBuilt.key.length === sets.length && lastBuilt.key.every((s, i) => s === sets[i])) {
    return lastBuilt.ranges;
  }
  const ranges = sets.length === 1 ? loadShippedKevRanges() : buildKevRanges(sets);
  lastBuilt = { key: sets, ranges };
  return ranges;
}
