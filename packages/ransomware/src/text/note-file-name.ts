/**
 * Ransom-note file names are matched as patterns: a per-victim part (id, random string, victim
 * name) becomes "*". Sources write that part as "[id]", "[rand]", "<ID>", "{random}", "XXXX".
 */
const PLACEHOLDER =
  /\[(?:id|rand\w*|random\w*|key|hex\w*|pass|file_?name|victim\w*|ext\w*|\w*_id|number|\d+ ?\w*)\]|<[^<>]{1,30}>|\{[^{}]{1,30}\}/gi;

/** "[id].README.txt" → "*.README.txt"; "README-[pass].txt" → "README-*.txt". */
export function toNoteFileNamePattern(name: string): string {
  // MISP sometimes appends prose: "HELP_RESTORE_FILES_*.TXT , e.g. help_restore_files_kksli.bmp".
  const cut = name.split(/\s+(?:,|e\.g\.|\(|or\s)/i)[0] ?? name;
  return cut
    .trim()
    .replace(PLACEHOLDER, "*")
    .replace(/\*{2,}/g, "*");
}

/** Case-insensitive match of a real file name against a pattern; "*" spans 1–64 chars. */
export function matchesNoteFileName(pattern: string, fileName: string): boolean {
  return toPatternRegex(pattern).test(normaliseDroppedName(fileName));
}

// Patterns come from the KB (about a thousand): compile each once.
const compiled = new Map<string, RegExp>();

function toPatternRegex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const body = pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".{1,64}");
    re = new RegExp(`^${body}$`, "i");
    if (compiled.size < 10_000) compiled.set(pattern, re);
  }
  return re;
}

/** Strips a path and the copy suffix a user's OS adds ("README (1).txt", "README - Copy.txt"). */
export function normaliseDroppedName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base
    .slice(0, 255)
    .replace(/(?: \(\d+\)| - (?:Copy|コピー))(\.[^.]+)?$/i, "$1")
    .trim();
}
