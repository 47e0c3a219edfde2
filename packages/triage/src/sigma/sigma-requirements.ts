import { requiredRegexLiteral } from "./regex-literal";
import type { ConditionNode } from "./sigma-condition";
import { base64Offsets } from "./sigma-value-matcher";

/**
 * What a rule needs before it can match: at least one of these fields must contain its literal
 * (lower-cased). Every Sigma string test (exact, contains, startswith, endswith, with or without
 * wildcards) implies "the field contains the longest literal piece of the value", so one cheap
 * substring index over these pieces finds every rule that can match an event, as Chainsaw and
 * Hayabusa do with their own prefilters. Null means no such need could be derived: always test.
 */
export type Requirement = Array<{ field: string; literal: string }>;

/** Modifiers whose values are plain text (possibly with wildcards) that the field must contain. */
const TEXT_MODIFIERS = new Set(["contains", "startswith", "endswith", "all", "windash", "cased"]);
const REGEX_MODIFIERS = new Set(["re", "i", "m", "s"]);
const BASE64_MODIFIERS = new Set(["base64", "base64offset", "contains", "wide", "utf16le", "all"]);
const DASHES = /[-/\u2013\u2014\u2015]/;

/** The longest piece of a value without wildcards (and without dashes under |windash). */
function longestLiteral(value: string, windash: boolean): string {
  const pieces: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === "\\" && ["*", "?", "\\"].includes(value[i + 1] ?? "")) current += value[++i];
    else if (c === "*" || c === "?" || (windash && DASHES.test(c))) {
      pieces.push(current);
      current = "";
    } else current += c;
  }
  pieces.push(current);
  return pieces.reduce((a, b) => (b.length > a.length ? b : a), "").toLowerCase();
}

function fieldRequirement(key: string, raw: unknown): Requirement | null {
  const [field = "", ...mods] = key.split("|");
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0 || values.some((v) => typeof v !== "string" && typeof v !== "number")) return null;
  const texts = values.map(String);
  let literals: string[][];
  if (mods.every((m) => TEXT_MODIFIERS.has(m))) {
    const windash = mods.includes("windash");
    literals = texts.map((v) => [longestLiteral(v, windash)]);
  } else if (mods.every((m) => REGEX_MODIFIERS.has(m)) && mods.includes("re")) {
    // An inline (?i) group only changes case, which the lower-cased index ignores anyway.
    literals = texts.map((v) => [requiredRegexLiteral(v.replace(/^\(\?[ims]+\)/, "")).toLowerCase()]);
  } else if (mods.every((m) => BASE64_MODIFIERS.has(m)) && mods.some((m) => m.startsWith("base64"))) {
    const wide = mods.includes("wide") || mods.includes("utf16le");
    literals = texts.map((v) => {
      const bytes = Buffer.from(v, wide ? "utf16le" : "utf8");
      return (mods.includes("base64offset") ? base64Offsets(bytes) : [bytes.toString("base64")]).map((x) =>
        x.toLowerCase(),
      );
    });
  } else return null;
  if (literals.some((alternatives) => alternatives.some((l) => l === ""))) return null;
  // With |all every value must be there, so the most selective value alone is required.
  if (mods.includes("all"))
    return best(literals.map((alternatives) => alternatives.map((literal) => ({ field, literal }))));
  return literals.flat().map((literal) => ({ field, literal }));
}

/** Higher is better: the shortest literal decides how many events slip through. */
function score(r: Requirement): number {
  return Math.min(...r.map((x) => x.literal.length)) * 1000 - r.length;
}

/** Of requirements that all hold (AND), the most selective one; null when none is known. */
function best(options: Array<Requirement | null>): Requirement | null {
  const known = options.filter((r): r is Requirement => r !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** Of alternatives (OR), all of them; null when any alternative has no known requirement. */
function union(options: Array<Requirement | null>): Requirement | null {
  if (options.length === 0 || options.some((r) => r === null)) return null;
  return options.flatMap((r) => r ?? []);
}

/** Requirement of one named search (a map, a list of maps, or keywords). */
export function searchRequirement(value: unknown): Requirement | null {
  const mapRequirement = (map: Record<string, unknown>) =>
    best(Object.entries(map).map(([key, v]) => fieldRequirement(key, v)));
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => v !== null && typeof v === "object"))
      return union(value.map((v) => mapRequirement(v as Record<string, unknown>)));
    return null; // keywords: any field may hold them
  }
  if (value !== null && typeof value === "object") return mapRequirement(value as Record<string, unknown>);
  return null;
}

/** Requirement of a whole condition over the searches' requirements. */
export function conditionRequirement(
  node: ConditionNode,
  searches: Map<string, Requirement | null>,
  namesOf: (pattern: string) => string[],
): Requirement | null {
  switch (node.op) {
    case "id":
      return searches.get(node.name) ?? null;
    case "not":
      return null;
    case "and":
      return best(node.args.map((a) => conditionRequirement(a, searches, namesOf)));
    case "or":
      return union(node.args.map((a) => conditionRequirement(a, searches, namesOf)));
    case "of": {
      const parts = namesOf(node.pattern).map((n) => searches.get(n) ?? null);
      return node.quantifier === "all" ? best(parts) : union(parts);
    }
  }
}
