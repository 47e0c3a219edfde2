import type { IndexedNote, KbIndex } from "./kb-index";
import { SHINGLE_WORDS } from "./text-features";

const MAX_PHRASES = 3;
const MAX_PHRASE_CHARS = 160;

/**
 * The attacker's own wording shared with a known note of the family, restricted to phrases that
 * at most two families use (so "your files are encrypted" never counts as evidence).
 * Returns merged word spans of the query, longest first.
 */
export function findDistinctivePhrases(index: KbIndex, queryWords: string[], note: IndexedNote): string[] {
  const hit = new Array<boolean>(queryWords.length).fill(false);
  for (let i = 0; i + SHINGLE_WORDS <= queryWords.length; i++) {
    const shingle = queryWords.slice(i, i + SHINGLE_WORDS).join(" ");
    if (!note.shingles.has(shingle)) continue;
    if ((index.shingleFamilies.get(shingle)?.size ?? 0) > 2) continue;
    for (let k = i; k < i + SHINGLE_WORDS; k++) hit[k] = true;
  }
  const spans: string[] = [];
  let start = -1;
  for (let i = 0; i <= hit.length; i++) {
    if (i < hit.length && hit[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      spans.push(toDisplay(queryWords.slice(start, i)));
      start = -1;
    }
  }
  return spans
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_PHRASES)
    .map((s) => (s.length > MAX_PHRASE_CHARS ? `${s.slice(0, MAX_PHRASE_CHARS)}…` : s));
}

function toDisplay(words: string[]): string {
  // Masked placeholders stand for per-victim values; show them as an ellipsis.
  return words.map((w) => (/^(?:onionhost|mailaddr|urladdr|idtoken)$/.test(w) ? "…" : w)).join(" ");
}
