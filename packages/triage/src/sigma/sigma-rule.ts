import { parseYamlText } from "../cache/lazy-yaml";
import type { TFirstResponseQuestion, TSeverity } from "../timeline/timeline-event";
import { compileCondition, namesOf, parseCondition, possibleEventIds } from "./sigma-condition";
import { conditionRequirement, type Requirement, searchRequirement } from "./sigma-requirements";
import { type RuleDocument, readCompiledRuleSet } from "./sigma-rule-cache";
import { compileFieldCondition, type ValuePredicate } from "./sigma-value-matcher";

/** Access to one event for matching: field by Sigma name, and every value for keywords. */
export interface SigmaEventView {
  get(field: string): string | undefined;
  /** The field lower-cased (optional, cached by the view so many rules share one conversion). */
  lower?(field: string): string | undefined;
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
  /** MITRE ATT&CK technique ids from the rule's `attack.tNNNN` tags, upper-cased. */
  attack: string[];
  /** First-response question from the rule's ATT&CK tactic tags (see {@link questionOfTags}). */
  question?: TFirstResponseQuestion;
  /** Literals one of which the event must contain to match (null: none known); see sigma-requirements. */
  requirement: Requirement | null;
  /** Event ids the rule can match (from its `EventID` selections), or null for any: a prefilter. */
  eventIds: ReadonlySet<string> | null;
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
  // EventID first: it is the cheapest test and rejects most events.
  parts.sort((a, b) => Number(b.field === "EventID") - Number(a.field === "EventID"));
  // No closures per event here: under tsx (keepNames) each named closure costs a defineProperty.
  return (event) => {
    for (const p of parts) if (!p.test(event.get(p.field), event, event.lower?.(p.field))) return false;
    return true;
  };
}

const NO_FIELDS = { get: (): string | undefined => undefined };

function compileKeywords(words: unknown[]): Search {
  const test = compileFieldCondition(["contains"], words);
  return (event) => event.values().some((v) => test(v, NO_FIELDS));
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

/** EventID values a search requires (plain `EventID: n` or a list of them), else null (any). */
function searchEventIds(value: unknown): Set<string> | null {
  const maps = Array.isArray(value) ? value : [value];
  const ids = new Set<string>();
  for (const map of maps) {
    if (map === null || typeof map !== "object" || !("EventID" in map)) return null;
    const raw = (map as Record<string, unknown>).EventID;
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v !== "number" && typeof v !== "string") return null;
      if (/[*?\\]/.test(String(v))) return null;
      ids.add(String(v).toLowerCase());
    }
  }
  return ids;
}

/** ATT&CK tactics (v18 names and older ones) in the order they decide a rule's question. */
const TACTIC_QUESTIONS: Array<[string, TFirstResponseQuestion]> = [
  ["initial-access", "way-in"],
  ["impact", "evasion-impact"],
  ["defense-impairment", "evasion-impact"],
  ["defense-evasion", "evasion-impact"],
  ["stealth", "evasion-impact"],
  ["lateral-movement", "foothold"],
  ["persistence", "foothold"],
  ["privilege-escalation", "foothold"],
  ["credential-access", "foothold"],
  ["execution", "foothold"],
];

/** The first-response question a Sigma rule answers, from its ATT&CK tactic tags. */
export function questionOfTags(tags: string[]): TFirstResponseQuestion | undefined {
  // SigmaHQ writes tactics with hyphens since ATT&CK v18 (attack.initial-access), older rules with "_".
  const tactics = new Set(tags.map((t) => t.replace(/^attack\./, "").replace(/_/g, "-")));
  return TACTIC_QUESTIONS.find(([tactic]) => tactics.has(tactic))?.[1];
}

/** Compiles one rule from YAML text; throws with the reason when it uses unsupported features. */
export function compileSigmaRule(yamlText: string, rulePath: string): SigmaRule {
  return compileSigmaDocument(parseYamlText(yamlText), rulePath);
}

/** Compiles one rule already parsed from YAML (e.g. from the rule cache). */
export function compileSigmaDocument(parsed: unknown, rulePath: string): SigmaRule {
  if (parsed === null || typeof parsed !== "object") throw new Error("not a YAML mapping");
  const doc = parsed as Record<string, unknown>;
  const detection = doc.detection as Record<string, unknown> | undefined;
  if (!detection) throw new Error("no detection section");
  if (detection.timeframe) throw new Error("timeframe (correlation) not supported");
  const searches = new Map<string, Search>();
  const idsOf = new Map<string, Set<string> | null>();
  const needs = new Map<string, Requirement | null>();
  for (const [name, value] of Object.entries(detection)) {
    if (name === "condition" || name === "timeframe") continue;
    searches.set(name, compileSearch(value));
    idsOf.set(name, searchEventIds(value));
    needs.set(name, searchRequirement(value));
  }
  const nodes = (Array.isArray(detection.condition) ? detection.condition : [detection.condition]).map((c) =>
    parseCondition(String(c)),
  );
  const conditions = nodes.map((n) => compileCondition(n, searches));
  const possible = nodes.map((n) => possibleEventIds(n, idsOf));
  const eventIds = possible.some((p) => p === null) ? null : new Set(possible.flatMap((p) => [...(p ?? [])]));
  const names = [...searches.keys()];
  const required = nodes.map((n) => conditionRequirement(n, needs, (pattern) => namesOf({ pattern }, names)));
  const requirement = required.some((r) => r === null) ? null : required.flatMap((r) => r ?? []);
  const logsource = (doc.logsource ?? {}) as SigmaRule["logsource"];
  const tags = (Array.isArray(doc.tags) ? doc.tags : []).map((t) => String(t).toLowerCase());
  const question = questionOfTags(tags);
  return {
    id: String(doc.id ?? rulePath),
    title: String(doc.title ?? rulePath),
    description: String(doc.description ?? ""),
    author: String(doc.author ?? "unknown"),
    level: LEVELS[String(doc.level)] ?? "medium",
    status: String(doc.status ?? ""),
    logsource,
    path: rulePath,
    attack: tags.filter((t) => /^attack\.t\d{4}(\.\d{3})?$/.test(t)).map((t) => t.slice(7).toUpperCase()),
    ...(question ? { question } : {}),
    eventIds,
    requirement,
    matches: (event) => conditions.some((c) => c(event)),
  };
}

/** A rule as the cache keeps it: everything but the matcher, and the detection it is compiled from. */
type StoredRule =
  | { path: string; error: string }
  | {
      path: string;
      rule: Omit<SigmaRule, "matches" | "eventIds"> & { eventIds: string[] | null; detection: unknown };
    };

function storeRule(entry: RuleDocument): StoredRule {
  try {
    if (entry.error !== undefined) throw new Error(entry.error);
    const { matches: _m, eventIds, ...meta } = compileSigmaDocument(entry.doc, entry.path);
    const detection = (entry.doc as Record<string, unknown>).detection;
    return { path: entry.path, rule: { ...meta, eventIds: eventIds ? [...eventIds] : null, detection } };
  } catch (error) {
    return { path: entry.path, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A cached rule, ready for the index (requirements, event ids, logsource); its matcher is compiled
 * from the detection on first use, so a run pays only for the rules its events reach.
 */
function restoreRule(stored: Extract<StoredRule, { rule: unknown }>): SigmaRule {
  const { detection, eventIds, ...meta } = stored.rule;
  let compiled: SigmaRule["matches"] | undefined;
  return {
    ...meta,
    eventIds: eventIds ? new Set(eventIds) : null,
    matches: (event) => {
      compiled ??= compileSigmaDocument({ detection }, stored.path).matches;
      return compiled(event);
    },
  };
}

/** Loads every `.yml` rule under a folder; rules that cannot be compiled are listed with the reason. */
export async function loadSigmaRules(
  dir: string,
): Promise<{ rules: SigmaRule[]; unsupported: Array<{ path: string; reason: string }> }> {
  const rules: SigmaRule[] = [];
  const unsupported: Array<{ path: string; reason: string }> = [];
  for (const stored of await readCompiledRuleSet(dir, (docs) => docs.map(storeRule))) {
    if ("error" in stored) unsupported.push({ path: stored.path, reason: stored.error });
    else rules.push(restoreRule(stored));
  }
  return { rules, unsupported };
}
