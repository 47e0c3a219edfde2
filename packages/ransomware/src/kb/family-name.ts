/**
 * Family-name keys. The three sources spell families differently ("LockBit", "Lockbit3",
 * "lockbit5", "Maze / Sekhmet / Egregor", "REvil/Sodinokibi", "inc ransom", "brain cipher"),
 * so every comparison goes through one key function.
 */
const NOISE_WORDS =
  /\b(ransomware|ransomeware|ransomsware|ramsomware|ransom|team|group|gang|leaks?|media)\b/g;

/** Lower-case alphanumeric key: "Brain Cipher" → "braincipher", "Ryuk ransomware" → "ryuk". */
export function toFamilyKey(name: string): string {
  const lower = name.normalize("NFKC").toLowerCase();
  const stripped = lower.replace(NOISE_WORDS, " ").replace(/[^a-z0-9]/g, "");
  // "Ransom" alone (or "Team") must not become an empty key.
  return stripped.length > 0 ? stripped : lower.replace(/[^a-z0-9]/g, "");
}

/**
 * Every key a name may be known by: with and without noise words, because a folder named
 * "auditteam" must meet MISP's "audit team" (whose stripped key is only "audit").
 */
export function toFamilyKeys(name: string): string[] {
  const plain = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
  return [...new Set([toFamilyKey(name), plain].filter((k) => k.length > 0))];
}

/** Key without a trailing version ("lockbit3" → "lockbit", "cryptxxx30" → "cryptxxx"), or null. */
export function toUnversionedKey(key: string): string | null {
  const base = key.replace(/v?\d+(?:\.\d+)*$/, "");
  return base !== key && base.length >= 4 ? base : null;
}

/** Splits a composite name as No More Ransom writes it: "Maze / Sekhmet / Egregor", "Hive (v1 to v4)". */
export function splitCompositeName(name: string): string[] {
  return name
    .replace(/\(.*$/, "")
    .split(/\s*(?:\/|\baka\b|,)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Id usable in URLs and JSON keys: "Brain Cipher" → "brain-cipher". */
export function toFamilyId(name: string): string {
  const id = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+ransomware$/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id.length > 0 ? id : "unnamed";
}
