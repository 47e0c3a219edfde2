/**
 * Feature extraction for note similarity. Per-victim parts (ids, keys, onion hosts, e-mails,
 * numbers) are masked first: they differ between two notes of the same family and would only
 * add noise; contact artefacts are matched exactly elsewhere.
 */
export function maskVariableParts(text: string): string {
  // Quantifiers are bounded or followed by a replacer callback: attacker text must not be able
  // to make these expressions backtrack quadratically (e.g. a 4,096-char run of "a+a+a+…").
  return (
    text
      .toLowerCase()
      // "[snip]" is the collector's redaction (ThreatLabz), not the attacker's wording.
      .replace(/\[snip\]/g, " ")
      .replace(/\b(?:[a-z2-7]{56}|[a-z2-7]{16})\.onion\b/g, " onionhost ")
      .replace(/(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,255}/g, (m) =>
        /\.[a-z]{2,24}$/.test(m) ? " mailaddr " : m,
      )
      .replace(/https?:\/\/\S{1,2048}/g, " urladdr ")
      .replace(/[a-z0-9+/=_-]{12,}/g, (m) => (/\d/.test(m) && /[a-z]/.test(m) ? " idtoken " : m))
      .replace(/\d+/g, "0")
  );
}

/** Word tokens (letters of any script, digits masked to 0), capped for hostile input. */
export function toWords(masked: string, max = 20000): string[] {
  const words = masked.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > max ? words.slice(0, max) : words;
}

/** Word uni- and bi-grams. */
export function toWordGrams(words: string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i < words.length; i++) {
    grams.push(words[i]!);
    if (i + 1 < words.length) grams.push(`${words[i]} ${words[i + 1]}`);
  }
  return grams;
}

/** Character 4-grams over the word sequence (robust to typos, odd spacing and line breaks). */
export function toCharGrams(words: string[], n = 4): string[] {
  const text = ` ${words.join(" ")} `;
  const grams: string[] = [];
  for (let i = 0; i + n <= text.length; i++) grams.push(text.slice(i, i + n));
  return grams;
}

/** Word shingles used to explain a match with the attacker's own phrases. */
export const SHINGLE_WORDS = 5;
export function toShingles(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    out.push(words.slice(i, i + SHINGLE_WORDS).join(" "));
  return out;
}
