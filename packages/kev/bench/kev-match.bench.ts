/**
 * npm run bench:kev — 10,000 devices against the whole KEV catalogue and NVD's ranges (shipped data):
 *   - indexed: `matchDevice` (catalogue prepared once, entries by vendor, NVD records by CPE product);
 *   - naive:   `matchDeviceByScan`, the same rules scanning every entry and every NVD record per device.
 * Both run in this process; the naive loop runs on BENCH_NAIVE devices (default 200) because it is slow, and
 * its per-device time is compared with the indexed per-device time. Both must give the same verdicts.
 * BENCH_DEVICES changes the register size. Prints times and the ratio; nothing is hard-coded.
 */
import { performance } from "node:perf_hooks";
import { loadShippedAliasTable } from "../src/alias-table";
import { loadShippedKevCatalog } from "../src/catalog-store";
import { matchDevice } from "../src/device-matcher";
import { matchDeviceByScan } from "../src/device-matcher-scan";
import type { KevDevice } from "../src/kev-types";
import { loadShippedKevRanges } from "../src/ranges/kev-ranges";

const COUNT = Number(process.env.BENCH_DEVICES ?? 10_000);
const NAIVE = Math.min(COUNT, Number(process.env.BENCH_NAIVE ?? 200));

const catalog = loadShippedKevCatalog();
const table = loadShippedAliasTable();
const ranges = loadShippedKevRanges();

// Realistic devices: the catalogue's own vendor/product pairs plus the edge products SMEs run, each with a
// version in its vendor's scheme, some without a version.
const edge: [string, string, (i: number) => string][] = [
  ["Fortinet", "FortiGate 60F", (i) => `${6 + (i % 2)}.${(i % 3) * 2}.${i % 18}`],
  ["Ivanti", "Connect Secure", (i) => `22.${(i % 4) + 4}R${(i % 2) + 1}.${i % 6}`],
  ["SonicWall", "SMA 100", (i) => `10.2.1.${i % 14}-${40 + (i % 30)}sv`],
  ["Palo Alto Networks", "PAN-OS", (i) => `${10 + (i % 2)}.${i % 3}.${i % 13}${i % 3 ? `-h${i % 5}` : ""}`],
  ["Cisco", "ASA 5516-X", (i) => `9.${12 + (i % 8)}(${(i % 4) + 1})${i % 40}`],
  ["Citrix", "NetScaler ADC", (i) => `13.${i % 2}-${40 + (i % 25)}.${i % 20}`],
];
const devices: KevDevice[] = Array.from({ length: COUNT }, (_, i) => {
  if (i % 3 !== 0) {
    const [vendor, product, version] = edge[i % edge.length]!;
    return { vendor, product, version: i % 17 === 0 ? undefined : version(i) };
  }
  const v = catalog.vulnerabilities[(i * 7919) % catalog.vulnerabilities.length]!;
  return { vendor: v.vendorProject, product: v.product, version: `${(i % 9) + 1}.${i % 7}.${i % 13}` };
});

const key = (m: { cveID: string; versionVerdict: string }) => `${m.cveID}:${m.versionVerdict}`;

matchDevice(devices[0]!, catalog, table, ranges); // builds the catalogue index once, as the server does
let t0 = performance.now();
const counts = { affected: 0, "version-unknown": 0, "not-affected-by-version": 0 };
const indexedResults = devices.map((d) => {
  const matches = matchDevice(d, catalog, table, ranges).matches;
  for (const m of matches) counts[m.versionVerdict]++;
  return matches;
});
const indexedMs = performance.now() - t0;

t0 = performance.now();
let mismatches = 0;
for (let i = 0; i < NAIVE; i++) {
  const naive = matchDeviceByScan(devices[i]!, catalog, table, ranges).map(key).join();
  if (naive !== indexedResults[i]!.map(key).join()) mismatches++;
}
const naiveMs = performance.now() - t0;

const perIndexed = indexedMs / COUNT;
const perNaive = naiveMs / NAIVE;
console.log(
  `KEV ${catalog.catalogVersion}: ${catalog.vulnerabilities.length} entries, NVD ranges for ${ranges.records.size} CVEs (read ${ranges.newestRetrieved})`,
);
console.log(
  `devices: ${COUNT}; verdicts: affected ${counts.affected}, unknown ${counts["version-unknown"]}, not affected ${counts["not-affected-by-version"]}`,
);
console.log(
  `indexed matchDevice: ${indexedMs.toFixed(0)} ms total, ${(perIndexed * 1000).toFixed(1)} µs/device`,
);
console.log(
  `naive scan (${NAIVE} devices): ${naiveMs.toFixed(0)} ms, ${(perNaive * 1000).toFixed(1)} µs/device → ${((perNaive * COUNT) / 1000).toFixed(1)} s for ${COUNT}`,
);
console.log(
  `ratio naive/indexed per device: ${(perNaive / perIndexed).toFixed(1)}×; verdict mismatches: ${mismatches}`,
);
if (mismatches > 0) process.exitCode = 1;
