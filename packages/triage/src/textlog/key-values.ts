/** True for the characters of a key: `[\w.-]`. */
function isKeyChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x3000;
}

/** Index of the quote closing a value that opens at `open`, honouring backslash escapes; -1 if none. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  return -1;
}

/**
 * Parses `key=value key="quoted value"` pairs (FortiGate, SonicWall) in one left-to-right pass.
 * A regular expression (`([\w.-]+)=(…)`) did the same in quadratic time on long runs of key
 * characters without `=` (10 KB of "a" took 0.7 s), so hostile lines are scanned by hand.
 */
export function parseKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let from = 0;
  // Once a quote has no closing quote after it, no later quote has one either: skip the rescan.
  let unclosedFrom = Number.POSITIVE_INFINITY;
  while (from < text.length) {
    const eq = text.indexOf("=", from);
    if (eq < 0) break;
    let start = eq;
    while (start > from && isKeyChar(text.charCodeAt(start - 1))) start--;
    if (start === eq) {
      from = eq + 1;
      continue;
    }
    const key = text.slice(start, eq);
    let end = eq + 1;
    const close = text.charCodeAt(end) === 34 && end < unclosedFrom ? closingQuote(text, end) : -1;
    if (close >= 0) {
      out[key] = text.slice(end + 1, close);
      end = close + 1;
    } else {
      if (text.charCodeAt(end) === 34) unclosedFrom = Math.min(unclosedFrom, end);
      while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      out[key] = text.slice(eq + 1, end);
    }
    from = end;
  }
  return out;
}
