import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { TSeverity, TSigmaRuleSetSource } from "../timeline/timeline-event";
import { loadSigmaRules, type SigmaRule } from "./sigma-rule";
import { isRuleSupported } from "./sigma-windows-mapping";

/** content/sigma/ of this checkout: SigmaHQ Windows rules, verbatim, with the DRL 1.1 text. */
export const SHIPPED_SIGMA_DIR = path.resolve(import.meta.dirname, "../../../../content/sigma");

/** content/sigma/rule-set.json: where the shipped rules come from (kept next to SOURCE.md). */
const ZRuleSetFile = z.object({
  name: z.string(),
  repository: z.string(),
  commit: z.string(),
  date: z.string(),
  licence: z.string(),
  ruleCount: z.number().int(),
});

/** A rule left out of the run, with the reason (reported, never silently dropped). */
export interface SkippedSigmaRule {
  path: string;
  reason: string;
}

/** Rules ready to run plus everything that was left out and why. */
export interface SigmaRuleSet {
  source: TSigmaRuleSetSource;
  /** Folder the rules were read from. */
  dir: string;
  /** `.yml` files found. */
  fileCount: number;
  rules: SigmaRule[];
  skipped: SkippedSigmaRule[];
  /** Milliseconds spent reading and compiling (once per process thanks to the cache). */
  loadMs: number;
}

/** Which rules run. Defaults: level low and above, every status except deprecated/unsupported. */
export interface SigmaSelection {
  minLevel?: TSeverity;
}

const RANK: Record<TSeverity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
/** SigmaHQ statuses that mean "do not use" (Sigma specification, "Status"). */
const RETIRED = new Set(["deprecated", "unsupported"]);

/** The same link SigmaHQ would show: the file at the shipped commit, else on master. */
export function sigmaRuleLink(rule: Pick<SigmaRule, "path">, source: TSigmaRuleSetSource): string {
  if (source.repository && source.commit) return `${source.repository}/blob/${source.commit}/${rule.path}`;
  const upstream = rule.path.startsWith("rules/") ? rule.path : `rules/windows/${rule.path}`;
  return `https://github.com/SigmaHQ/sigma/blob/master/${upstream}`;
}

async function readSource(dir: string): Promise<TSigmaRuleSetSource> {
  const file = path.join(dir, "rule-set.json");
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null)
    // The folder's name only: the server shows this to users and its paths are not theirs to see.
    return {
      name: `Sigma rules in ${path.basename(path.resolve(dir))}`,
      date: null,
      isShipped: path.resolve(dir) === SHIPPED_SIGMA_DIR,
    };
  const meta = ZRuleSetFile.parse(JSON.parse(text));
  return {
    name: meta.name,
    date: meta.date,
    commit: meta.commit,
    repository: meta.repository,
    isShipped: path.resolve(dir) === SHIPPED_SIGMA_DIR,
  };
}

/** Reads, compiles and selects the rules of one folder (uncached; use {@link loadSigmaRuleSet}). */
export async function readSigmaRuleSet(dir: string, selection: SigmaSelection = {}): Promise<SigmaRuleSet> {
  const started = performance.now();
  const minLevel = RANK[selection.minLevel ?? "low"];
  const [source, compiled] = await Promise.all([readSource(dir), loadSigmaRules(dir)]);
  const skipped: SkippedSigmaRule[] = compiled.unsupported.map((u) => ({
    path: u.path,
    reason: `not supported by the evaluator: ${u.reason}`,
  }));
  const rules: SigmaRule[] = [];
  for (const rule of compiled.rules) {
    const { category, service, product } = rule.logsource;
    if (!isRuleSupported(rule))
      skipped.push({
        path: rule.path,
        reason: `logsource not evaluated: ${[product, category, service].filter(Boolean).join("/")}`,
      });
    else if (RETIRED.has(rule.status)) skipped.push({ path: rule.path, reason: `status ${rule.status}` });
    else if (RANK[rule.level] < minLevel) skipped.push({ path: rule.path, reason: `level ${rule.level}` });
    else rules.push(rule);
  }
  return {
    source,
    dir,
    fileCount: compiled.rules.length + compiled.unsupported.length,
    rules,
    skipped,
    loadMs: performance.now() - started,
  };
}

const cache = new Map<string, Promise<SigmaRuleSet>>();

/**
 * The rule set of a folder (default: the shipped content/sigma), parsed once per process: the
 * server triages many bundles and parsing 1391 YAML files each time would dominate small runs.
 */
export function loadSigmaRuleSet(
  dir: string = SHIPPED_SIGMA_DIR,
  selection: SigmaSelection = {},
): Promise<SigmaRuleSet> {
  const key = `${path.resolve(dir)}\0${selection.minLevel ?? "low"}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = readSigmaRuleSet(dir, selection);
    // A failed read (missing folder) must not stay cached: the next run should retry.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/**
 * Skipped rules counted by reason, most frequent first. Reasons are grouped on their first two
 * ": "-separated parts, so "…: aggregation not supported: <condition>" groups by kind, not text.
 */
export function summariseSkipped(skipped: SkippedSigmaRule[]): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const key = s.reason.split(": ").slice(0, 2).join(": ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** What a triage result says about the Sigma run: rule set and date, rules run, skipped by reason. */
export interface SigmaRunSummary {
  ruleSet: TSigmaRuleSetSource;
  rulesRun: number;
  skipped: Array<{ reason: string; count: number }>;
}

/** Summary of a loaded rule set for CLI/UI output. */
export function summariseSigmaRuleSet(set: SigmaRuleSet): SigmaRunSummary {
  return { ruleSet: set.source, rulesRun: set.rules.length, skipped: summariseSkipped(set.skipped) };
}

/** One line naming the rule set and its date, e.g. for the CLI summary. */
export function describeSigmaRuleSet(summary: SigmaRunSummary): string {
  const { ruleSet } = summary;
  const when = [ruleSet.date, ruleSet.commit?.slice(0, 7)].filter(Boolean).join(", commit ");
  const skipped = summary.skipped.map((s) => `${s.reason} ×${s.count}`).join("; ");
  return `${ruleSet.name}${when ? ` (${when})` : ""}: ${summary.rulesRun} 件実行 / rules run${skipped ? `, 除外 / skipped: ${skipped}` : ""}`;
}
