import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { sonaeCacheDir } from "../cache/cache-dir";
import { parseYamlText } from "../cache/lazy-yaml";

/** One rule file, parsed: the document, or why YAML could not read it. */
export interface RuleDocument {
  path: string;
  doc?: unknown;
  error?: string;
}

/** Bumped when the cached shape changes, so old caches are never misread. */
const CACHE_FORMAT = "sonae-sigma-compiled-2";

let compilerText: Promise<string> | undefined;

/**
 * The source of the Sigma compiler itself (this folder): part of the key, so that a change to how
 * requirements or event ids are derived never reuses what an older compiler stored.
 */
function compilerSource(): Promise<string> {
  compilerText ??= (async () => {
    const dir = import.meta.dirname;
    const names = (await readdir(dir)).filter((n) => /\.[cm]?[jt]s$/.test(n)).sort();
    const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n), "utf8")));
    return names.map((n, i) => `${n}\0${texts[i]}`).join("\0");
  })();
  return compilerText;
}

/** Where the compiled rule sets are cached (see sonaeCacheDir). */
export const sigmaCacheDir = sonaeCacheDir;

/**
 * Rule files in name order. Synchronous on purpose: 1391 small files read through the promise API
 * cost about 200 ms of CPU in thread-pool hand-offs, read synchronously about 30 ms; this runs
 * once per process, before any event is read.
 */
function listRuleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function parseDocument(rel: string, text: string): RuleDocument {
  try {
    return { path: rel, doc: parseYamlText(text) };
  } catch (error) {
    return { path: rel, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Every rule file under `dir`, parsed and compiled by `compile`, whose JSON-serialisable result is
 * cached under the SHA-256 of the compiler's source and every rule file's path and text: any
 * change to any rule (or to the compiler) makes a new key, and a cache that cannot be read or
 * written is simply not used. Parsing 1391 YAML files and deriving each rule's literal
 * requirements cost about 1–2 s per process; a cache hit costs reading the files and one JSON parse.
 */
export async function readCompiledRuleSet<T>(
  dir: string,
  compile: (docs: RuleDocument[]) => T[],
): Promise<T[]> {
  const files = listRuleFiles(dir);
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const compiler = await compilerSource();
  const rels = files.map((f) => path.relative(dir, f));
  const hash = createHash("sha256").update(CACHE_FORMAT).update(compiler);
  for (const [i, rel] of rels.entries()) hash.update(`\0${rel}\0${texts[i]}`);
  const cacheDir = sigmaCacheDir();
  const cacheFile = cacheDir ? path.join(cacheDir, `sigma-${hash.digest("hex")}.json`) : null;
  if (cacheFile) {
    const cached = await readFile(cacheFile, "utf8").catch(() => null);
    if (cached !== null) {
      try {
        const entries = JSON.parse(cached) as T[];
        if (Array.isArray(entries) && entries.length === files.length) return entries;
      } catch {
        // A damaged cache is rebuilt below.
      }
    }
  }
  const entries = compile(rels.map((rel, i) => parseDocument(rel, texts[i] as string)));
  if (cacheFile) await writeCache(cacheFile, entries);
  return entries;
}

async function writeCache(file: string, entries: unknown[]): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(temp, JSON.stringify(entries), { mode: 0o600 });
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
