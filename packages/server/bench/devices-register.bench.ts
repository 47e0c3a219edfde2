/**
 * npx tsx packages/server/bench/devices-register.bench.ts — the device register's file and KEV paths on a
 * 5,000-device register built from real CISA KEV vendor/product names (shipped catalogue):
 *   - CSV export (BOM, formula escaping) vs Python's csv module writing the same rows (reference, same run);
 *   - CSV import check (parse + per-cell validation) vs Python's csv module reading the same file;
 *   - XLSX export and import check (exceljs), for scale;
 *   - KEV matching of every device (what GET /api/readiness/devices does) with the catalogue loaded once.
 * Prints times and ratios; nothing is hard-coded. BENCH_DEVICES changes the register size.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { TDevice } from "@sonae/core";
import { loadShippedKevCatalog, loadShippedKevRanges, matchDevice, NVD_NOTICE } from "@sonae/kev";
import { toKevDevice } from "../src/org/devices/devices.present";
import { matchDeviceRow } from "../src/org/devices/devices.service";
import { renderDevicesCsv, renderDevicesXlsx } from "../src/org/devices/devices-export";
import { readCsvTable, readXlsxTable } from "../src/org/devices/devices-file-read";
import { validateDeviceRows } from "../src/org/devices/devices-import-rows";

const COUNT = Number(process.env.BENCH_DEVICES ?? 5000);
const REPEAT = 5;

function best(fn: () => unknown): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}
async function bestAsync(fn: () => Promise<unknown>): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const catalog = loadShippedKevCatalog();
const pairs = catalog.vulnerabilities.map((v) => [v.vendorProject, v.product] as const);
const devices: TDevice[] = Array.from({ length: COUNT }, (_, i) => {
  const [vendor, product] = pairs[(i * 7919) % pairs.length]!;
  return {
    id: String(i),
    name: i % 50 === 0 ? `=HYPERLINK("x")${i}` : `拠点${i} ${product}`,
    type: "vpn",
    vendor,
    product,
    version: `${(i % 9) + 1}.${i % 7}.${i % 13}`,
    usage: "テレワーク用, 取引先接続",
    location: "本社サーバ室",
    owner: "情報システム課",
    publicAddress: `vpn${i}.example.jp`,
    mfaEnabled: i % 2 === 0,
    lastPatchedAt: "2026-03-01",
    pendingUpdates: null,
    endOfSupport: null,
    logLocation: "forwarded",
    notes: 'メモ "引用" 付き',
    updatedAt: "2026-01-01T00:00:00.000Z",
    kevMatches: [],
    kevCounts: { affected: 0, unknown: 0, notAffected: 0 },
  };
});
const ranges = loadShippedKevRanges();
const summary = {
  catalogVersion: catalog.catalogVersion,
  dateReleased: catalog.dateReleased,
  source: "shipped",
  count: 0,
  nvd: { retrieved: ranges.newestRetrieved, files: 1, cves: ranges.records.size, notice: NVD_NOTICE },
};
const dir = mkdtempSync(join(tmpdir(), "sonae-bench-devices-"));
try {
  const csv = renderDevicesCsv(devices, summary);
  const csvFile = join(dir, "devices.csv");
  writeFileSync(csvFile, csv);
  const rowsJson = join(dir, "rows.json");
  writeFileSync(
    rowsJson,
    JSON.stringify(
      devices.map((d) => [
        d.name,
        d.type,
        d.vendor,
        d.product,
        d.version,
        d.usage,
        d.location,
        d.owner,
        d.publicAddress,
        d.mfaEnabled ? "あり" : "なし",
        d.lastPatchedAt,
        "",
        "",
        "転送（syslog等）",
        d.notes,
        "",
      ]),
    ),
  );

  const py = (code: string) =>
    Number(
      execFileSync("python3", ["-c", code, csvFile, rowsJson, String(REPEAT)], { encoding: "utf8" }).trim(),
    );
  const pyWrite = py(`
import csv, io, json, sys, time
rows = json.load(open(sys.argv[2], encoding="utf-8"))
best = 1e9
for _ in range(int(sys.argv[3])):
    t = time.perf_counter(); buf = io.StringIO(); w = csv.writer(buf, lineterminator="\\r\\n")
    for r in rows: w.writerow(r)
    data = ("\\ufeff" + buf.getvalue()).encode("utf-8"); best = min(best, time.perf_counter() - t)
print(best * 1000)`);
  const pyRead = py(`
import csv, sys, time
best = 1e9
for _ in range(int(sys.argv[3])):
    t = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as f: rows = list(csv.reader(f))
    best = min(best, time.perf_counter() - t)
print(best * 1000)`);

  const csvExport = best(() => renderDevicesCsv(devices, summary));
  let errors = 0;
  const csvImport = best(() => {
    errors = validateDeviceRows(readCsvTable(csv)).errors.length;
  });
  const xlsx = await renderDevicesXlsx(devices, summary);
  const xlsxExport = await bestAsync(() => renderDevicesXlsx(devices, summary));
  const xlsxImport = await bestAsync(async () => validateDeviceRows(await readXlsxTable(xlsx)));

  matchDevice(toKevDevice(devices[0]!), catalog); // index built once per catalogue, as in the server
  let matched = 0;
  const matching = best(() => {
    matched = 0;
    for (const d of devices) if (matchDevice(toKevDevice(d), catalog).matches.length > 0) matched++;
  });

  // What a repeated GET of the register costs once matches are memoised per catalogue (devices.service.ts).
  const rows = devices.map((d) => ({
    ...d,
    organisationId: "o",
    createdAt: new Date(),
    updatedAt: new Date(),
  }));
  for (const r of rows) matchDeviceRow(r, catalog, ranges);
  const memoised = best(() => {
    for (const r of rows) matchDeviceRow(r, catalog, ranges);
  });

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `devices: ${COUNT}, CSV ${(csv.length / 1024).toFixed(0)} KiB, XLSX ${(xlsx.length / 1024).toFixed(0)} KiB, best of ${REPEAT}`,
  );
  console.log(
    `CSV export   sonae ${ms(csvExport)}  python csv.writer ${ms(pyWrite)}  ratio ${(csvExport / pyWrite).toFixed(2)}x`,
  );
  console.log(
    `CSV import   sonae ${ms(csvImport)} (parse + validate, ${errors} row errors)  python csv.reader ${ms(pyRead)} (parse only)  ratio ${(csvImport / pyRead).toFixed(2)}x`,
  );
  console.log(`XLSX export  ${ms(xlsxExport)}   XLSX import check ${ms(xlsxImport)}`);
  console.log(
    `KEV matching ${ms(matching)} for ${COUNT} devices (${(matching / COUNT).toFixed(3)} ms/device), ${matched} with matches, catalogue ${catalog.catalogVersion}`,
  );
  console.log(
    `KEV list, memoised ${ms(memoised)} for ${COUNT} devices, ${(matching / memoised).toFixed(0)}x faster than matching afresh`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
