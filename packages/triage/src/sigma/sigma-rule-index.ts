import { LiteralMatcher } from "./literal-matcher";
import type { SigmaEventView, SigmaRule } from "./sigma-rule";

/** Longest literal kept in the automaton: any piece of a required literal is required too. */
const MAX_LITERAL = 24;

/** The piece of a literal the automaton indexes (a prefix keeps the table small). */
function indexedPiece(literal: string): string {
  return literal.slice(0, MAX_LITERAL);
}

interface FieldIndex {
  field: string;
  matcher: LiteralMatcher;
  /** Rule positions per literal id. */
  rulesOf: number[][];
}

/**
 * Rules indexed by the literals they require (SigmaRule.requirement): an event is tested only
 * against the rules whose required text it contains, plus the few rules without a known
 * requirement. One Aho–Corasick pass per indexed field (Image, CommandLine, …) replaces up to a
 * thousand rule evaluations. Candidates come back in the rules' own order.
 */
export class SigmaRuleIndex {
  private readonly always: number[] = [];
  private readonly fields: FieldIndex[] = [];
  private readonly stamp: Uint32Array;
  private tick = 0;

  constructor(readonly rules: SigmaRule[]) {
    this.stamp = new Uint32Array(rules.length);
    const byField = new Map<string, Map<string, number[]>>();
    rules.forEach((rule, position) => {
      const pieces = rule.requirement?.map((r) => ({ field: r.field, literal: indexedPiece(r.literal) }));
      if (!pieces || pieces.some((p) => p.literal === "")) {
        this.always.push(position);
        return;
      }
      for (const { field, literal } of pieces) {
        const literals = byField.get(field) ?? new Map<string, number[]>();
        byField.set(field, literals);
        const positions = literals.get(literal) ?? [];
        if (!positions.includes(position)) positions.push(position);
        literals.set(literal, positions);
      }
    });
    for (const [field, literals] of byField)
      this.fields.push({
        field,
        matcher: new LiteralMatcher([...literals.keys()]),
        rulesOf: [...literals.values()],
      });
  }

  /** Rules that can match the event (a superset of those that do), in rule order. */
  candidates(view: SigmaEventView): SigmaRule[] {
    const tick = ++this.tick;
    const positions = [...this.always];
    for (const { field, matcher, rulesOf } of this.fields) {
      const text = view.lower ? view.lower(field) : view.get(field)?.toLowerCase();
      if (!text) continue;
      matcher.scan(text, (id) => {
        for (const position of rulesOf[id] as number[]) {
          if (this.stamp[position] === tick) continue;
          this.stamp[position] = tick;
          positions.push(position);
        }
      });
    }
    positions.sort((a, b) => a - b);
    return positions.map((p) => this.rules[p] as SigmaRule);
  }
}
