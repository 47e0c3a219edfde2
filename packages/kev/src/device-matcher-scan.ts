import { type AliasTable, findProductLine, loadShippedAliasTable } from "./alias-table";
import { compareMatches, describeDevice, deviceVendorIds, matchProduct, toMatch } from "./device-matcher";
import { prepareEntry } from "./entry-features";
import type { KevCatalog, KevDevice, KevMatch } from "./kev-types";
import { vulnerableMatches } from "./ranges/cpe-match";
import { type KevRanges, loadShippedKevRanges } from "./ranges/kev-ranges";
import { deviceCpeProducts } from "./ranges/range-verdict";

/**
 * The same rules as {@link matchDevice}, without any index: every catalogue entry is prepared and tested,
 * and every entry's NVD record is scanned, for every device. It is the reference the benchmark
 * (`npm run bench:kev`) compares against, and a test checks that the indexed matcher returns exactly the
 * same verdicts.
 */
export function matchDeviceByScan(
  device: KevDevice,
  catalog: KevCatalog,
  table: AliasTable = loadShippedAliasTable(),
  ranges: KevRanges = loadShippedKevRanges(),
): KevMatch[] {
  const prepared = catalog.vulnerabilities.map((entry) => prepareEntry(table, entry));
  const vendors = new Map(prepared.flatMap((p) => p.vendorIds.map((id) => [id, true] as const)));
  const { ids, productText } = deviceVendorIds(table, device, vendors);
  const matches = new Map<string, KevMatch>();
  for (const vendorId of ids) {
    const features = describeDevice(table, vendorId, { ...device, product: productText });
    for (const entry of prepared) {
      if (!entry.vendorIds.includes(vendorId) || matches.has(entry.entry.cveID)) continue;
      const why = matchProduct(vendorId, features, entry);
      if (why)
        matches.set(entry.entry.cveID, toMatch(device, productText, entry, why, { table, ranges, vendorId }));
    }
    for (const lineId of features.cloudService ? [] : features.lines) {
      const line = findProductLine(table, vendorId, lineId);
      if (!line) continue;
      const cpes = new Set(deviceCpeProducts(line, productText));
      for (const entry of prepared) {
        const record = ranges.records.get(entry.entry.cveID)?.record;
        if (!record || matches.has(entry.entry.cveID)) continue;
        if (!vulnerableMatches(record.configurations).some((m) => cpes.has(m.product))) continue;
        matches.set(
          entry.entry.cveID,
          toMatch(device, productText, entry, `nvd:${lineId}`, { table, ranges, vendorId }),
        );
      }
    }
  }
  return [...matches.values()].sort(compareMatches);
}
