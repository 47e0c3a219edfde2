import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KEV_CONTENT_DIR } from "./alias-table";
import { decodeCatalogBytes, parseKevCatalog } from "./catalog-validate";
import { KevError } from "./kev-error";
import type { KevCatalog, KevCatalogFile, LocalisedText } from "./kev-types";

/** Official feed (CISA): https://www.cisa.gov/known-exploited-vulnerabilities-catalog */
export const KEV_OFFICIAL_URL =
  "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";

const SHIPPED_FILE = path.join(KEV_CONTENT_DIR, "known_exploited_vulnerabilities.json.gz");

/** `${SONAE_DATA_DIR:-./data}/kev`, where imported and fetched catalogues are kept. */
export function getDefaultKevDataDir(): string {
  return path.resolve(process.env.SONAE_DATA_DIR || "./data", "kev");
}

/** What a stored catalogue looks like to `sonae kev info` and the admin page. */
export interface KevCatalogInfo {
  catalogVersion: string;
  dateReleased: string;
  count: number;
  source: string;
  file: string;
  sha256?: string;
  /** Set when the file could not be used (e.g. edited by hand and no longer valid). */
  problem?: string;
  /** Oddities that do not stop the import: `count` disagreeing with the entries, repeated CVE ids. */
  warnings?: LocalisedText[];
}

/** Schema-valid but odd catalogues are stored, with warnings the admin sees. */
function checkConsistency(catalog: KevCatalogFile): LocalisedText[] {
  const warnings: LocalisedText[] = [];
  if (catalog.count !== catalog.vulnerabilities.length) {
    warnings.push({
      ja: `count (${catalog.count}) と実際の件数 (${catalog.vulnerabilities.length}) が一致しません。`,
      en: `count (${catalog.count}) differs from the number of entries (${catalog.vulnerabilities.length}).`,
    });
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const v of catalog.vulnerabilities) (seen.has(v.cveID) ? repeated : seen).add(v.cveID);
  if (repeated.size > 0) {
    const list = [...repeated].slice(0, 5).join(", ");
    warnings.push({ ja: `CVE が重複しています: ${list}`, en: `Repeated CVE ids: ${list}` });
  }
  return warnings;
}

let shippedCache: KevCatalog | undefined;

/** The catalogue shipped in `content/kev/` (2026.08.07 at the time of writing). */
export function loadShippedKevCatalog(): KevCatalog {
  shippedCache ??= {
    ...parseKevCatalog(decodeCatalogBytes(readFileSync(SHIPPED_FILE)), "content/kev"),
    source: "shipped",
  };
  return shippedCache;
}

function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /^kev-.+\.json$/.test(f) && !f.endsWith(".meta.json"));
  } catch {
    return []; // no data folder yet: only the shipped catalogue exists
  }
}

/** Stores a validated catalogue atomically (temp file + rename), so a crash never leaves half a file. */
function storeCatalog(text: string, catalog: KevCatalogFile, source: string, dir: string): KevCatalogInfo {
  mkdirSync(dir, { recursive: true });
  const safeVersion = catalog.catalogVersion.replace(/[^0-9A-Za-z._-]/g, "_");
  const file = path.join(dir, `kev-${safeVersion}.json`);
  const sha256 = createHash("sha256").update(text).digest("hex");
  const meta = { source, sha256, storedAt: new Date().toISOString() };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(`${tmp}.meta`, JSON.stringify(meta, null, 2));
    writeFileSync(tmp, text);
    renameSync(`${tmp}.meta`, file.replace(/\.json$/, ".meta.json"));
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.meta`, { force: true });
  }
  const warnings = checkConsistency(catalog);
  return {
    catalogVersion: catalog.catalogVersion,
    dateReleased: catalog.dateReleased,
    count: catalog.vulnerabilities.length,
    source,
    file,
    sha256,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * `sonae kev import <file>`: validates a catalogue file (JSON or .json.gz) against the official schema and
 * stores it in `dir`. A malformed file throws KevError(INVALID_CATALOG) and leaves `dir` unchanged.
 */
export function importKevCatalog(file: string, dir = getDefaultKevDataDir()): KevCatalogInfo {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new KevError(
      "READ_FAILED",
      { ja: `${file} を読めません。`, en: `Cannot read ${file}.` },
      { cause },
    );
  }
  const label = path.basename(file);
  const text = decodeCatalogBytes(bytes);
  return storeCatalog(text, parseKevCatalog(text, label), `imported:${label}`, dir);
}

/** Validates catalogue bytes (an upload: JSON or .json.gz) and stores them like an import. */
export function importKevCatalogBytes(
  bytes: Buffer,
  label: string,
  dir = getDefaultKevDataDir(),
): KevCatalogInfo {
  const text = decodeCatalogBytes(bytes);
  return storeCatalog(text, parseKevCatalog(text, label), `uploaded:${label}`, dir);
}

/**
 * Downloads the current catalogue (admin action, needs internet) and stores it like an import.
 * Times out after `timeoutMs`; a failed download or invalid body changes nothing.
 */
export async function fetchKevCatalog(
  url = KEV_OFFICIAL_URL,
  dir = getDefaultKevDataDir(),
  options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<KevCatalogInfo> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let text: string;
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = decodeCatalogBytes(Buffer.from(await response.arrayBuffer()));
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new KevError(
      "FETCH_FAILED",
      {
        ja: `KEV カタログを取得できません (${url}): ${why}`,
        en: `Could not fetch the KEV catalogue from ${url}: ${why}`,
      },
      { cause },
    );
  }
  return storeCatalog(text, parseKevCatalog(text, url), `fetched:${url}`, dir);
}

type StoredRead = { catalog?: KevCatalog; info: KevCatalogInfo };

// Parsed stored catalogues by path, reused while the file is unchanged: the server calls loadKevCatalog per
// request, and the matcher caches its prepared index per catalogue object.
const storedCache = new Map<string, { stamp: string; read: StoredRead }>();

function readStored(dir: string, name: string): StoredRead {
  const file = path.join(dir, name);
  const stat = statSync(file);
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = storedCache.get(file);
  if (cached?.stamp === stamp) return cached.read;
  const read = readStoredUncached(file, name);
  storedCache.set(file, { stamp, read });
  return read;
}

function readStoredUncached(file: string, name: string): StoredRead {
  let meta: { source?: string; sha256?: string } = {};
  try {
    meta = JSON.parse(readFileSync(file.replace(/\.json$/, ".meta.json"), "utf8")) as typeof meta;
  } catch {
    // metadata is informative only
  }
  const source = meta.source ?? `imported:${name}`;
  try {
    const parsed = parseKevCatalog(readFileSync(file, "utf8"), name);
    const info = {
      catalogVersion: parsed.catalogVersion,
      dateReleased: parsed.dateReleased,
      count: parsed.vulnerabilities.length,
      source,
      file,
      sha256: meta.sha256,
    };
    return { catalog: { ...parsed, source }, info };
  } catch (error) {
    const problem = error instanceof KevError ? error.userMessage.en : String(error);
    return { info: { catalogVersion: "?", dateReleased: "?", count: 0, source, file, problem } };
  }
}

/** Every catalogue available: the shipped one first, then those stored in `dir` (unusable ones with `problem`). */
export function listKevCatalogs(dir = getDefaultKevDataDir()): KevCatalogInfo[] {
  const shipped = loadShippedKevCatalog();
  return [
    {
      catalogVersion: shipped.catalogVersion,
      dateReleased: shipped.dateReleased,
      count: shipped.vulnerabilities.length,
      source: "shipped",
      file: SHIPPED_FILE,
    },
    ...storedFiles(dir).map((name) => readStored(dir, name).info),
  ];
}

/**
 * The catalogue to match against: the newest `dateReleased` among the shipped snapshot and the valid
 * catalogues in `dir`. Invalid stored files are skipped (see {@link listKevCatalogs} for why).
 */
export function loadKevCatalog(dir = getDefaultKevDataDir()): KevCatalog {
  let best = loadShippedKevCatalog();
  for (const name of storedFiles(dir)) {
    const { catalog } = readStored(dir, name);
    if (catalog && Date.parse(catalog.dateReleased) > Date.parse(best.dateReleased)) best = catalog;
  }
  return best;
}
