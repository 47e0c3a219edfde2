import type { Artefacts } from "../text/extract-artefacts";
import type { KbIndex } from "./kb-index";
import { toContextNameGrams, toNameGrams } from "./kb-index";
import { maskVariableParts, toCharGrams, toShingles, toWordGrams, toWords } from "./text-features";
import { type SparseVector, vectoriseQuery } from "./tfidf-index";

export const MAX_COMPARED_CHARS = 64 * 1024;

/** A note (or none) turned into the features the matcher compares. */
export type QueryFeatures = {
  hasText: boolean;
  words: string[];
  shingles: string[];
  nameGrams: Set<string>;
  contextNameGrams: Set<string>;
  charVec: SparseVector | null;
  wordVec: SparseVector | null;
  artefacts: Artefacts;
  extensions: string[];
  noteFileNames: string[];
};

/** Builds query features against one index (the vocabulary is the index's). */
export function buildQueryFeatures(
  index: KbIndex,
  text: string,
  artefacts: Artefacts,
  extensions: string[],
  noteFileNames: string[],
): QueryFeatures {
  const hasText = text.trim().length > 0;
  // Real notes are a few KB; the wording of the first 64 KiB is plenty to compare, and it bounds
  // the cost of a hostile 1 MiB note (artefacts are still extracted from the whole text).
  const head = text.slice(0, MAX_COMPARED_CHARS);
  const words = hasText ? toWords(maskVariableParts(head)) : [];
  const rawWords = hasText ? toWords(head.toLowerCase()) : [];
  return {
    hasText,
    words,
    shingles: toShingles(words),
    nameGrams: toNameGrams(rawWords),
    contextNameGrams: toContextNameGrams(rawWords),
    charVec: hasText ? vectoriseQuery(index.charIndex, toCharGrams(words)) : null,
    wordVec: hasText ? vectoriseQuery(index.wordIndex, toWordGrams(words)) : null,
    artefacts,
    extensions,
    noteFileNames,
  };
}
