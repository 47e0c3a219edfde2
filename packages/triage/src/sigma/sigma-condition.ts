/**
 * Parser for Sigma `condition` expressions (Sigma specification v2, "Condition"): identifiers,
 * `and`, `or`, `not`, parentheses, `1 of <pattern>`, `all of <pattern>`, `1 of them`, `all of them`.
 * Precedence: not > and > or. Aggregations (`| count()`) and `near` are not supported.
 */
export type ConditionNode =
  | { op: "id"; name: string }
  | { op: "not"; arg: ConditionNode }
  | { op: "and" | "or"; args: ConditionNode[] }
  | { op: "of"; quantifier: "1" | "all"; pattern: string };

function tokenize(text: string): string[] {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  return tokens;
}

/** Parses a condition; throws on syntax it does not support so the rule is reported, not misread. */
export function parseCondition(text: string): ConditionNode {
  if (text.includes("|")) throw new Error(`aggregation not supported: ${text}`);
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const parseOr = (): ConditionNode => {
    const args = [parseAnd()];
    while (peek() === "or") {
      i++;
      args.push(parseAnd());
    }
    return args.length === 1 ? (args[0] as ConditionNode) : { op: "or", args };
  };
  const parseAnd = (): ConditionNode => {
    const args = [parseNot()];
    while (peek() === "and") {
      i++;
      args.push(parseNot());
    }
    return args.length === 1 ? (args[0] as ConditionNode) : { op: "and", args };
  };
  const parseNot = (): ConditionNode => {
    if (peek() === "not") {
      i++;
      return { op: "not", arg: parseNot() };
    }
    return parseAtom();
  };
  const parseAtom = (): ConditionNode => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`unexpected end of condition: ${text}`);
    if (t === "(") {
      const inner = parseOr();
      if (tokens[i++] !== ")") throw new Error(`missing ) in condition: ${text}`);
      return inner;
    }
    const lower = t.toLowerCase();
    if ((lower === "1" || lower === "all" || lower === "any") && tokens[i]?.toLowerCase() === "of") {
      i++;
      const pattern = tokens[i++];
      if (!pattern) throw new Error(`missing pattern after 'of': ${text}`);
      return { op: "of", quantifier: lower === "all" ? "all" : "1", pattern };
    }
    if (["and", "or", ")"].includes(lower)) throw new Error(`unexpected '${t}' in condition: ${text}`);
    return { op: "id", name: t };
  };
  const node = parseOr();
  if (i !== tokens.length) throw new Error(`trailing tokens in condition: ${text}`);
  return node;
}

/** Names an `of` node covers: `them` is every search not starting with `_` (Sigma spec). */
export function namesOf(node: { pattern: string }, names: string[]): string[] {
  const re =
    node.pattern === "them"
      ? /^(?!_)/
      : new RegExp(`^${node.pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return names.filter((n) => re.test(n));
}

/**
 * Turns a condition into one predicate over the compiled searches, resolving names and `of`
 * patterns once (building them per event cost more than the matching). Unknown names throw, so the
 * rule is reported as unsupported instead of failing a triage run.
 */
export function compileCondition<E>(
  node: ConditionNode,
  searches: Map<string, (event: E) => boolean>,
): (event: E) => boolean {
  const names = [...searches.keys()];
  const lookup = (name: string) => {
    const search = searches.get(name);
    if (!search) throw new Error(`condition names unknown search '${name}'`);
    return search;
  };
  switch (node.op) {
    case "id":
      return lookup(node.name);
    case "not": {
      const arg = compileCondition(node.arg, searches);
      return (e) => !arg(e);
    }
    case "and": {
      const args = node.args.map((a) => compileCondition(a, searches));
      return (e) => args.every((a) => a(e));
    }
    case "or": {
      const args = node.args.map((a) => compileCondition(a, searches));
      return (e) => args.some((a) => a(e));
    }
    case "of": {
      const args = namesOf(node, names).map(lookup);
      if (node.quantifier === "all") return args.length === 0 ? () => false : (e) => args.every((a) => a(e));
      return (e) => args.some((a) => a(e));
    }
  }
}

/**
 * Event ids a condition can match, from `EventID` values required by its searches; null when any
 * id may match. Used only to skip rules early, so it must never leave out a possible id.
 */
export function possibleEventIds(
  node: ConditionNode,
  idsOf: Map<string, Set<string> | null>,
): Set<string> | null {
  const names = [...idsOf.keys()];
  const union = (sets: Array<Set<string> | null>) =>
    sets.some((x) => x === null) ? null : new Set(sets.flatMap((x) => [...(x ?? [])]));
  const intersect = (sets: Array<Set<string> | null>) => {
    const known = sets.filter((x): x is Set<string> => x !== null);
    if (known.length === 0) return null;
    return new Set([...(known[0] ?? [])].filter((id) => known.every((k) => k.has(id))));
  };
  switch (node.op) {
    case "id":
      return idsOf.get(node.name) ?? null;
    case "not":
      return null;
    case "and":
      return intersect(node.args.map((a) => possibleEventIds(a, idsOf)));
    case "or":
      return union(node.args.map((a) => possibleEventIds(a, idsOf)));
    case "of": {
      const sets = namesOf(node, names).map((n) => idsOf.get(n) ?? null);
      return node.quantifier === "all" ? intersect(sets) : union(sets);
    }
  }
}
