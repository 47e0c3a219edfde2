/**
 * Name normalisation for matching device descriptions against KEV `vendorProject` / `product` strings.
 * Both sides go through the same function so that "FortiGate-60F", "ＦｏｒｔｉＧａｔｅ　６０Ｆ" and "fortigate 60f"
 * compare equal.
 */

/** Corporate suffixes and prefixes that carry no identity (English and Japanese legal forms). */
const CORPORATE_WORDS = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "ltd",
  "limited",
  "llc",
  "gmbh",
  "ag",
  "plc",
  "kk",
  "company",
  "株式会社",
  "有限会社",
  "合同会社",
  "株",
  "有",
]);

/**
 * NFKC (full-width → ASCII, half-width katakana → full-width, ㈱ → (株)), lower case, every run of
 * punctuation/space → one space, and a space at every latin↔digit and script boundary so that model
 * numbers split the same way on both sides ("RTX1300" → "rtx 1300", "SMA100" → "sma 100").
 */
export function normaliseText(input: string): string {
  return tokeniseText(input).join(" ");
}

/** Tokens of {@link normaliseText}: latin words, digit runs, katakana runs and other CJK runs. */
export function tokeniseText(input: string): string[] {
  const text = input.normalize("NFKC").toLowerCase();
  // Katakana incl. the prolonged sound mark, then CJK ideographs + hiragana, latin letters, digits.
  const matches = text.match(
    /[\p{Script=Katakana}ー・]+|[\p{Script=Han}\p{Script=Hiragana}]+|[a-z]+|[0-9]+/gu,
  );
  return (matches ?? []).map((t) => t.replaceAll("・", "")).filter((t) => t.length > 0);
}

/** {@link normaliseText} minus corporate legal forms ("Fortinet, Inc." → "fortinet", "株式会社バッファロー" → "バッファロー"). */
export function normaliseVendorName(input: string): string {
  const tokens = tokeniseText(input.replace(/\bk\.k\.?/gi, " kk "));
  const kept = tokens.filter((t) => !CORPORATE_WORDS.has(t));
  return (kept.length > 0 ? kept : tokens).join(" ");
}

/**
 * Finds `phrase` (already normalised) as a whole-token run inside `tokens`; returns the start index or -1.
 * Whole tokens matter: "ios" must not match inside "bios", "ts" must not match inside "tsx".
 */
export function findPhrase(tokens: readonly string[], phrase: readonly string[], from = 0): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = from; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      if (tokens[i + j] !== phrase[j]) continue outer;
    }
    return i;
  }
  return -1;
}
