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

/** Evaluates a condition given the truth of each search identifier. */
export function evaluateCondition(
  node: ConditionNode,
  names: string[],
  test: (name: string) => boolean,
): boolean {
  switch (node.op) {
    case "id":
      return test(node.name);
    case "not":
      return !evaluateCondition(node.arg, names, test);
    case "and":
      return node.args.every((a) => evaluateCondition(a, names, test));
    case "or":
      return node.args.some((a) => evaluateCondition(a, names, test));
    case "of": {
      const re =
        node.pattern === "them"
          ? /^(?!_)/
          : new RegExp(`^${node.pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      const matching = names.filter((n) => re.test(n));
      return node.quantifier === "all" ? matching.length > 0 && matching.every(test) : matching.some(test);
    }
  }
}
