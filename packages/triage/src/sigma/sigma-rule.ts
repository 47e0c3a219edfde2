import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import type { TSeverity } from "../timeline/timeline-event";
import { type ConditionNode, evaluateCondition, parseCondition } from "./sigma-condition";
import { compileFieldCondition, type ValuePredicate } from "./sigma-value-matcher";

/** Access to one event for matching: field by Sigma name, and every value for keywords. */
export interface SigmaEventView {
  get(field: string): string | undefined;
  values(): string[];
}

/** A compiled Sigma rule. `author` must be shown with every alert (Detection Rule License 1.1). */
export interface SigmaRule {
  id: string;
  title: string;
  description: string;
  author: string;
  level: TSeverity;
  status: string;
  logsource: { product?: string; category?: string; service?: string };
  /** Path relative to the rule folder, for the link the DRL asks for. */
  path: string;
  matches(event: SigmaEventView): boolean;
}

const LEVELS: Record<string, TSeverity> = {
  critical: "critical",
  high: "high",
  medium: "medium",
  low: "low",
  informational: "info",
};

type Search = (event: SigmaEventView) => boolean;

function compileMap(map: Record<string, unknown>): Search {
  const parts: Array<{ field: string; test: ValuePredicate }> = Object.entries(map).map(([key, value]) => {
    const [field = "", ...mods] = key.split("|");
    const values = Array.isArray(value) ? value : [value];
    return { field, test: compileFieldCondition(mods, values) };
  });
  return (event) => parts.every((p) => p.test(event.get(p.field), (f) => event.get(f)));
}

function compileKeywords(words: unknown[]): Search {
  const test = compileFieldCondition(["contains"], words);
  return (event) => event.values().some((v) => test(v, () => undefined));
}

function compileSearch(value: unknown): Search {
  if (Array.isArray(value)) {
    if (value.every((v) => v !== null && typeof v === "object")) {
      const maps = value.map((v) => compileMap(v as Record<string, unknown>));
      return (event) => maps.some((m) => m(event));
    }
    if (value.every((v) => typeof v !== "object" || v === null)) return compileKeywords(value);
    throw new Error("search mixes maps and keywords");
  }
  if (value !== null && typeof value === "object") return compileMap(value as Record<string, unknown>);
  return compileKeywords([value]);
}

/** Compiles one rule from YAML text; throws with the reason when it uses unsupported features. */
export function compileSigmaRule(yamlText: string, rulePath: string): SigmaRule {
  const doc = parse(yamlText) as Record<string, unknown>;
  const detection = doc.detection as Record<string, unknown> | undefined;
  if (!detection) throw new Error("no detection section");
  const searches = new Map<string, Search>();
  for (const [name, value] of Object.entries(detection)) {
    if (name !== "condition" && name !== "timeframe") searches.set(name, compileSearch(value));
  }
  if (detection.timeframe) throw new Error("timeframe (correlation) not supported");
  const conditions = (Array.isArray(detection.condition) ? detection.condition : [detection.condition]).map(
    (c) => parseCondition(String(c)),
  );
  const names = [...searches.keys()];
  const run = (node: ConditionNode, event: SigmaEventView) =>
    evaluateCondition(node, names, (n) => {
      const search = searches.get(n);
      if (!search) throw new Error(`condition names unknown search '${n}'`);
      return search(event);
    });
  const logsource = (doc.logsource ?? {}) as SigmaRule["logsource"];
  return {
    id: String(doc.id ?? rulePath),
    title: String(doc.title ?? rulePath),
    description: String(doc.description ?? ""),
    author: String(doc.author ?? "unknown"),
    level: LEVELS[String(doc.level)] ?? "medium",
    status: String(doc.status ?? ""),
    logsource,
    path: rulePath,
    matches: (event) => conditions.some((c) => run(c, event)),
  };
}

/** Loads every `.yml` rule under a folder; rules that cannot be compiled are listed with the reason. */
export async function loadSigmaRules(
  dir: string,
): Promise<{ rules: SigmaRule[]; unsupported: Array<{ path: string; reason: string }> }> {
  const rules: SigmaRule[] = [];
  const unsupported: Array<{ path: string; reason: string }> = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        const rel = path.relative(dir, full);
        try {
          rules.push(compileSigmaRule(await readFile(full, "utf8"), rel));
        } catch (error) {
          unsupported.push({ path: rel, reason: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  };
  await walk(dir);
  return { rules, unsupported };
}
