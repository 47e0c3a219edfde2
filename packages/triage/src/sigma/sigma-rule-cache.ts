import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { parse } from "yaml";

/** One rule file, parsed: the document, or why YAML could not read it. */
export interface RuleDocument {
  path: string;
  doc?: unknown;
  error?: string;
}

/** Bumped when the cached shape changes, so old caches are never misread. */
const CACHE_FORMAT = "sonae-sigma-docs-1";

/** SONAE_CACHE_DIR, else $XDG_CACHE_HOME/sonae or ~/.cache/sonae; "off" disables the cache. */
export function sigmaCacheDir(): string | null {
  const setting = process.env.SONAE_CACHE_DIR;
  if (setting === "off") return null;
  if (setting) return setting;
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "sonae");
}

async function listRuleFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

function parseDocument(rel: string, text: string): RuleDocument {
  try {
    return { path: rel, doc: parse(text) };
  } catch (error) {
    return { path: rel, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Every rule file under `dir`, parsed. YAML parsing is most of the cost of loading a rule set
 * (about 1 s for the shipped 1391 rules), so the parsed documents are cached as JSON under a
 * name made of the SHA-256 of every file's path and text: any change to any rule makes a new
 * key, and a cache that cannot be read or written is simply not used.
 */
export async function readRuleDocuments(dir: string): Promise<RuleDocument[]> {
  const files = await listRuleFiles(dir);
  const texts = await Promise.all(files.map((f) => readFile(f, "utf8")));
  const rels = files.map((f) => path.relative(dir, f));
  const hash = createHash("sha256").update(CACHE_FORMAT);
  for (const [i, rel] of rels.entries()) hash.update(`\0${rel}\0${texts[i]}`);
  const cacheDir = sigmaCacheDir();
  const cacheFile = cacheDir ? path.join(cacheDir, `sigma-${hash.digest("hex")}.json`) : null;
  if (cacheFile) {
    const cached = await readFile(cacheFile, "utf8").catch(() => null);
    if (cached !== null) {
      try {
        const docs = JSON.parse(cached) as RuleDocument[];
        if (Array.isArray(docs) && docs.length === files.length) return docs;
      } catch {
        // A damaged cache is rebuilt below.
      }
    }
  }
  const docs = rels.map((rel, i) => parseDocument(rel, texts[i] as string));
  if (cacheFile) await writeCache(cacheFile, docs);
  return docs;
}

async function writeCache(file: string, docs: RuleDocument[]): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(temp, JSON.stringify(docs), { mode: 0o600 });
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
