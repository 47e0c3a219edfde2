/**
 * The longest run of plain characters every match of a regular expression must contain, or ""
 * when none can be read off safely. Only top-level sequences are read: groups, classes, escapes
 * such as \s or \d, `.` and anchors end a run; a character under `?`, `*` or `{0,…}` is dropped,
 * one under `+` or `{n,…}` ends its run (and starts the next). A top-level `|` requires nothing.
 */
export function requiredRegexLiteral(source: string): string {
  const runs: string[] = [];
  let run = "";
  const end = () => {
    runs.push(run);
    run = "";
  };
  /** Takes the literal character ending at `at`; returns the index of the last character used. */
  const take = (c: string, at: number): number => {
    if (!quantifierAt(source, at + 1)) {
      run += c;
      return at;
    }
    const q = source[at + 1];
    const min = q === "+" ? 1 : q === "{" ? Number(/^\{(\d+)/.exec(source.slice(at + 1))?.[1] ?? 0) : 0;
    if (min === 0) end();
    else {
      run += c;
      end();
      run = c;
    }
    return skipQuantifier(source, at + 1) - 1;
  };
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "\\") {
      const next = source[++i] ?? "";
      if (inClass || depth > 0) continue;
      if (/[A-Za-z0-9]/.test(next)) {
        end();
        if (quantifierAt(source, i + 1)) i = skipQuantifier(source, i + 1) - 1;
      } else i = take(next, i);
    } else if (inClass) inClass = c !== "]";
    else if (c === "[") {
      inClass = true;
      if (depth === 0) end();
    } else if (c === "(") {
      if (depth === 0) end();
      depth++;
    } else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === "|") return "";
    else if (".^$?*+{".includes(c)) {
      end();
      if (quantifierAt(source, i)) i = skipQuantifier(source, i) - 1;
    } else i = take(c, i);
  }
  end();
  return runs.reduce((a, b) => (b.length > a.length ? b : a), "");
}

/** A quantifier (?, *, +, {n}, {n,}, {n,m}) starts at `i`. */
function quantifierAt(source: string, i: number): boolean {
  const c = source[i];
  return (
    c === "?" || c === "*" || c === "+" || (c === "{" && /^\{\d+(,\d*)?\}/.test(source.slice(i, i + 12)))
  );
}

/** Index just after the quantifier at `i` (and its lazy `?`). */
function skipQuantifier(source: string, i: number): number {
  let j = source[i] === "{" ? source.indexOf("}", i) + 1 : i + 1;
  if (source[j] === "?") j++;
  return j;
}
