/** Line terminators: where `.` stops without the `s` flag. */
const LINE_BREAKS = /[\n\r\u2028\u2029]/;

/**
 * `\+.*\+.*\+…` (one character and `.*`, repeated) asks whether some line holds the character k
 * times. As a regular expression it backtracks polynomially on long command lines that fail; this
 * count gives the same answer in one pass. Returns null for any other pattern or for flags that
 * change the meaning (`i` on a letter).
 */
export function compileRepeatedCharRegex(source: string, flags: string): ((v: string) => boolean) | null {
  const m = /^(\\[^A-Za-z0-9]|[^\\.*+?()[\]{}|^$])((?:\.\*(?:\\[^A-Za-z0-9]|[^\\.*+?()[\]{}|^$]))+)$/.exec(
    source,
  );
  if (!m) return null;
  const token = m[1] as string;
  const parts = (m[2] as string).split(".*").slice(1);
  if (parts.some((p) => p !== token)) return null;
  const char = token.length === 2 ? token[1] : token;
  if (char === undefined || (flags.includes("i") && /[A-Za-z]/.test(char))) return null;
  const needed = parts.length + 1;
  const dotAll = flags.includes("s");
  return (v) => {
    const lines = dotAll ? [v] : v.split(LINE_BREAKS);
    return lines.some((line) => {
      let n = 0;
      for (let i = line.indexOf(char); i !== -1; i = line.indexOf(char, i + 1))
        if (++n >= needed) return true;
      return false;
    });
  };
}
