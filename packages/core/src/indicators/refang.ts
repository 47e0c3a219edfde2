/**
 * Defanging makes indicators in reports non-clickable ("hxxp://evil[.]com", "user[@]mail[.]ru"). Extraction
 * runs on a refanged copy of the text and reports every match at its offsets in the original.
 */

// One alternation, most specific first; the capture group that matched says which replacement applies.
// Brackets may hold spaces ("[ . ]"); "hxxp" only counts before "://" so that words are left alone.
const DEFANG = new RegExp(
  [
    String.raw`(\[\s*:\s*\/\s*\/\s*\])`, // [://]
    String.raw`(\s?[[({]\s*(?:\.|dot)\s*[\])}]\s?)`, // [.] (.) {.} [dot] (dot)
    String.raw`(\s?[[({]\s*(?:@|at)\s*[\])}]\s?)`, // [@] (@) [at] (at)
    String.raw`([[({]\s*:\s*[\])}])`, // [:]
    String.raw`(\\\.)`, // \.
    String.raw`(h(?:xx|\*\*)p(?=s?(?::|\[:)))`, // hxxp, h**p
    String.raw`(fxp(?=:|\[:))`, // fxp
  ].join("|"),
  "gi",
);
const REPLACEMENTS = ["://", ".", "@", ":", ".", "http", "ftp"];

/**
 * Refanged text and the way back to the original. Only replacements are recorded (memory grows with the
 * number of defang tokens, not with the text), so a large log costs one extra string, not offset arrays.
 */
export interface RefangedText {
  text: string;
  /** Original offset where the refanged unit `i` starts. */
  originalStart(i: number): number;
  /** Original offset (exclusive) where the refanged unit `i` ends. */
  originalEnd(i: number): number;
}

interface Replacement {
  at: number; // refanged offset of the replacement
  length: number; // its length in the refanged text
  from: number; // original offset of the token
  to: number; // original end (exclusive) of the token
}

/** The last replacement that starts at or before refanged offset `i` (binary search). */
function lastReplacementAt(list: readonly Replacement[], i: number): Replacement | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: Replacement | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid]!;
    if (r.at <= i) {
      found = r;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Replaces defang tokens and full-width ASCII, keeping the way back to original offsets. */
export function refangText(input: string): RefangedText {
  // Japanese text often carries full-width ASCII ("ｈｔｔｐ：／／evil．com", "192．168．1．1", "［.］"): map
  // U+FF01–FF5E and the ideographic space to ASCII one-for-one, so offsets are unchanged.
  const original = input.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let length = 0;
  let copied = 0;
  DEFANG.lastIndex = 0;
  for (let m = DEFANG.exec(original); m; m = DEFANG.exec(original)) {
    parts.push(original.slice(copied, m.index));
    length += m.index - copied;
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const replacement = REPLACEMENTS[group - 1]!;
    parts.push(replacement);
    replacements.push({ at: length, length: replacement.length, from: m.index, to: m.index + m[0].length });
    length += replacement.length;
    copied = m.index + m[0].length;
  }
  parts.push(original.slice(copied));
  const map = (i: number, side: "start" | "end"): number => {
    const r = lastReplacementAt(replacements, i);
    if (!r) return side === "start" ? i : i + 1;
    if (i < r.at + r.length) {
      // "hxxp" → "http" has equal length: map 1:1 inside it so offsets stay exact.
      if (r.to - r.from === r.length) return r.from + (i - r.at) + (side === "start" ? 0 : 1);
      return side === "start" ? r.from : r.to;
    }
    const shifted = r.to + (i - (r.at + r.length));
    return side === "start" ? shifted : shifted + 1;
  };
  return {
    text: parts.join(""),
    originalStart: (i) => map(i, "start"),
    originalEnd: (i) => map(i, "end"),
  };
}

const NEEDS_REFANG = /[[({\\hf\uFF01-\uFF5E\u3000]/i;

/** Refangs a single value (no offsets needed), e.g. user input "evil[.]com". */
export function refangValue(value: string): string {
  return NEEDS_REFANG.test(value) ? refangText(value).text : value;
}
