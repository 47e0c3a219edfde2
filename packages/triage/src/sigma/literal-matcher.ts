/**
 * Aho–Corasick automaton compiled to a table: finds which of many literals occur in a text in one
 * pass, one array lookup per character whatever the number of literals (linear in text length
 * plus matches, so safe on hostile input). Characters no literal uses share one class, and all
 * non-ASCII characters share another: a literal of emoji or homoglyphs then matches any run of
 * non-ASCII characters of its length, a superset, which is all a prefilter needs.
 */
const NON_ASCII = 1;

export class LiteralMatcher {
  /** ASCII code → class (0: in no literal). */
  private readonly classOf = new Uint16Array(128);
  /**
   * Class of every non-ASCII character: NON_ASCII when some literal has one, else 0. (A table of
   * all 65536 codes cost 128 KB per field and kind: tens of MB over a corpus with many kinds.)
   */
  private readonly nonAsciiClass: number;
  private readonly classes: number;
  /** Next state for (state, class), filled for every pair (goto and failure links folded in). */
  private readonly delta: Int32Array;
  /** Literal ids ending at each state (failure links included), flat: state s owns ids[start[s]..start[s+1]). */
  private readonly outputStart: Int32Array;
  private readonly outputIds: Int32Array;

  constructor(literals: string[]) {
    let classes = 2;
    let nonAscii = false;
    for (const literal of literals)
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        if (c >= 128) nonAscii = true;
        else if (this.classOf[c] === 0) this.classOf[c] = classes++;
      }
    // Non-ASCII characters reach the shared class only when some literal has one.
    this.nonAsciiClass = nonAscii ? NON_ASCII : 0;
    this.classes = classes;
    const classOfCode = (c: number) => (c < 128 ? (this.classOf[c] as number) : this.nonAsciiClass);
    // Trie first, with child maps; then the full table by breadth-first search.
    const children: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];
    literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const k = classOfCode(literal.charCodeAt(i));
        let to = children[state]?.get(k);
        if (to === undefined) {
          to = children.length;
          children.push(new Map());
          outputs.push([]);
          children[state]?.set(k, to);
        }
        state = to;
      }
      outputs[state]?.push(id);
    });
    // States renumbered breadth-first: text mostly walks shallow states, which then share cache lines.
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++)
      for (const to of children[order[head] as number]?.values() ?? []) order.push(to);
    const renumber = new Int32Array(children.length);
    order.forEach((old, i) => {
      renumber[old] = i;
    });
    const merged = order.map((old) => outputs[old] ?? []);
    this.delta = new Int32Array(children.length * classes);
    const fail = new Int32Array(children.length);
    for (const old of order) {
      const state = renumber[old] as number;
      const f = fail[state] as number;
      if (state !== 0 && (merged[f]?.length ?? 0) > 0)
        merged[state] = [...(merged[state] ?? []), ...(merged[f] ?? [])];
      for (let k = 0; k < classes; k++) {
        const child = children[old]?.get(k);
        if (child === undefined) {
          this.delta[state * classes + k] = state === 0 ? 0 : (this.delta[f * classes + k] as number);
          continue;
        }
        const to = renumber[child] as number;
        this.delta[state * classes + k] = to;
        fail[to] = state === 0 ? 0 : (this.delta[f * classes + k] as number);
      }
    }
    this.outputStart = new Int32Array(merged.length + 1);
    merged.forEach((ids, state) => {
      this.outputStart[state + 1] = (this.outputStart[state] as number) + ids.length;
    });
    this.outputIds = Int32Array.from(merged.flat());
  }

  /** Calls `found` with the id of every literal occurring in `text` (possibly more than once). */
  scan(text: string, found: (id: number) => void): void {
    const { classOf, delta, classes, outputStart, outputIds, nonAsciiClass } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      state = delta[state * classes + (c < 128 ? (classOf[c] as number) : nonAsciiClass)] as number;
      const end = outputStart[state + 1] as number;
      for (let k = outputStart[state] as number; k < end; k++) found(outputIds[k] as number);
    }
  }
}
