import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KEV_CONTENT_DIR } from "../alias-table";
import { decodeCatalogBytes } from "../catalog-validate";
import { KevError } from "../kev-error";
import type { NvdRangeFile, NvdRangeRecord, NvdRangeSet } from "./nvd-range-types";
import { NVD_FILE_MAX_BYTES, parseNvdRangeText } from "./nvd-range-validate";

const SHIPPED_FILE = path.join(KEV_CONTENT_DIR, "nvd-kev-configurations.json.gz");

let shipped: NvdRangeSet | undefined;

/** The range data shipped in `content/kev/` (NVD records read 2026-12-01 for 186 KEV CVEs). */
export function loadShippedNvdRanges(): NvdRangeSet {
  shipped ??= {
    ...parseNvdRangeText(decodeCatalogBytes(readFileSync(SHIPPED_FILE)), "content/kev"),
    origin: "shipped",
  };
  return shipped;
}

/** What the admin page and `sonae kev info` show about one range file. */
export interface NvdRangeInfo {
  origin: string;
  source: string;
  retrieved: string;
  count: number;
  file: string;
  problem?: string;
}

const storedCache = new Map<string, { stamp: string; set?: NvdRangeSet; info: NvdRangeInfo }>();

function storedNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /^nvd-.+\.json$/.test(f));
  } catch {
    return [];
  }
}

function readStored(dir: string, name: string) {
  const file = path.join(dir, name);
  const stat = statSync(file);
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = storedCache.get(file);
  if (cached?.stamp === stamp) return cached;
  let entry: { stamp: string; set?: NvdRangeSet; info: NvdRangeInfo };
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as NvdRangeFile & { origin?: string };
    const origin = parsed.origin ?? `imported:${name}`;
    const set = { ...parseNvdRangeText(JSON.stringify(parsed), name), origin };
    entry = { stamp, set, info: infoOf(set, file) };
  } catch (error) {
    const problem = error instanceof KevError ? error.userMessage.en : String(error);
    entry = { stamp, info: { origin: name, source: "?", retrieved: "?", count: 0, file, problem } };
  }
  storedCache.set(file, entry);
  return entry;
}

function infoOf(set: NvdRangeSet, file: string): NvdRangeInfo {
  return {
    origin: set.origin,
    source: set.source,
    retrieved: set.retrieved,
    count: Object.keys(set.cves).length,
    file,
  };
}

/** Every range file: the shipped one first, then those stored in `dir` (unusable ones with `problem`). */
export function listNvdRanges(dir: string): NvdRangeInfo[] {
  return [
    infoOf(loadShippedNvdRanges(), SHIPPED_FILE),
    ...storedNames(dir).map((n) => readStored(dir, n).info),
  ];
}

/** The usable range sets: shipped plus every valid stored file. */
export function loadNvdRangeSets(dir: string): NvdRangeSet[] {
  const sets = [loadShippedNvdRanges()];
  for (const name of storedNames(dir)) {
    const { set } = readStored(dir, name);
    if (set) sets.push(set);
  }
  return sets;
}

/**
 * Stores validated range data atomically in `dir` (`nvd-<retrieved>-<origin>.json`), so a crash never leaves
 * half a file and the loader only ever sees whole, valid files.
 */
export function storeNvdRanges(file: NvdRangeFile, origin: string, dir: string): NvdRangeInfo {
  mkdirSync(dir, { recursive: true });
  const slug = origin
    .replace(/^[a-z]+:/, "")
    .replace(/[^0-9A-Za-z._-]/g, "_")
    .slice(0, 60);
  const target = path.join(dir, `nvd-${file.retrieved}-${slug}.json`);
  const tmp = `${target}.${process.pid}.tmp`;
  const set: NvdRangeSet = { ...file, origin };
  try {
    writeFileSync(tmp, JSON.stringify(set));
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
  return infoOf(set, target);
}

/** Validates a range file from disk (Sonae range file or NVD API answer) and stores it. */
export function importNvdRanges(file: string, dir: string): NvdRangeInfo {
  let bytes: Buffer;
  try {
    if (statSync(file).size > NVD_FILE_MAX_BYTES) throw new Error("too large");
    bytes = readFileSync(file);
  } catch (cause) {
    throw new KevError(
      "READ_FAILED",
      { ja: `${file} を読めません。`, en: `Cannot read ${file}.` },
      { cause },
    );
  }
  const label = path.basename(file);
  return storeNvdRanges(parseNvdRangeText(decodeCatalogBytes(bytes), label), `imported:${label}`, dir);
}

/**
 * One record per CVE across all sets: the newest NVD record that has configurations, else the newest record.
 * A later NVD analysis replaces an older one; a record NVD has not analysed yet never hides an analysed one.
 */
export function mergeNvdRecords(
  sets: readonly NvdRangeSet[],
): Map<string, { record: NvdRangeRecord; set: NvdRangeSet }> {
  const merged = new Map<string, { record: NvdRangeRecord; set: NvdRangeSet }>();
  for (const set of sets) {
    for (const [cve, record] of Object.entries(set.cves)) {
      const current = merged.get(cve);
      if (!current || isBetter(record, current.record)) merged.set(cve, { record, set });
    }
  }
  return merged;
}

function isBetter(candidate: NvdRangeRecord, current: NvdRangeRecord): boolean {
  const hasRanges = (r: NvdRangeRecord) => r.configurations.length > 0 || (r.cnaAffected?.length ?? 0) > 0;
  if (hasRanges(candidate) !== hasRanges(current)) return hasRanges(candidate);
  return candidate.nvdLastModified > current.nvdLastModified;
}
