import { readdir } from "node:fs/promises";
import path from "node:path";

const MAX_MATCHES = 10_000;

/**
 * Turns a target path into existing paths: `%VAR%` from the environment (Windows), `*` and `?`
 * within one segment (matched against directory listings, never a regex over outside data beyond
 * one file name). Missing folders simply yield nothing.
 */
export async function expandTargetPath(
  pattern: string,
  platform: "windows" | "linux",
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const withEnv = pattern.replace(/%([A-Za-z0-9_()]{1,64})%/g, (whole, name: string) => env[name] ?? whole);
  if (/%[A-Za-z0-9_()]+%/.test(withEnv)) return []; // variable not set here: the location does not exist
  const p = platform === "windows" ? path.win32 : path.posix;
  const normalised = platform === "windows" ? withEnv.replace(/\//g, "\\") : withEnv;
  const root = p.parse(normalised).root;
  const segments = normalised.slice(root.length).split(p.sep).filter(Boolean);
  let current = [root];
  for (const segment of segments) {
    const next: string[] = [];
    for (const base of current) {
      if (!/[*?]/.test(segment)) {
        next.push(p.join(base, segment));
        continue;
      }
      const names = await readdir(base).catch(() => [] as string[]);
      for (const name of names) if (matchesSegment(segment, name)) next.push(p.join(base, name));
    }
    current = next.slice(0, MAX_MATCHES);
  }
  return current;
}

/** Glob match of one path segment (`*` any run, `?` one character); linear, no backtracking blow-up. */
export function matchesSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}
