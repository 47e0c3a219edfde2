import type { TKbFamily, TKbNote, TKnowledgeBase } from "../kb/kb-schema";
import { matchesNoteFileName } from "../text/note-file-name";
import { maskVariableParts, toCharGrams, toShingles, toWordGrams, toWords } from "./text-features";
import { buildTfidfIndex, type TfidfIndex } from "./tfidf-index";

export type IndexedNote = {
  note: TKbNote;
  familyId: string;
  words: string[];
  shingles: Set<string>;
  nameGrams: Set<string>;
};

/** Everything the matcher needs, derived from one knowledge base (or one minus held-out notes). */
export type KbIndex = {
  families: Map<string, TKbFamily>;
  notes: IndexedNote[];
  charIndex: TfidfIndex;
  wordIndex: TfidfIndex;
  /** shingle → families whose notes contain it (specificity of a phrase). */
  shingleFamilies: Map<string, Set<string>>;
  /** onion / e-mail / tox → families. */
  artefactFamilies: Map<string, Set<string>>;
  extensionFamilies: Map<string, Set<string>>;
  fileNamePatterns: { pattern: string; familyId: string }[];
  /** lower-cased name (1–3 words, space-joined) → families, with how many other-family notes use it. */
  names: Map<string, { familyIds: Set<string>; otherNoteCount: number; selfNoteFamilies: Set<string> }>;
};

/**
 * Builds the matcher's index. `excludeNoteIds` removes notes and everything derived from them
 * (text, phrases, artefacts, file names): that is what leave-one-out evaluation needs.
 */
export function buildKbIndex(kb: TKnowledgeBase, excludeNoteIds: ReadonlySet<string> = new Set()): KbIndex {
  const families = new Map(kb.families.map((f) => [f.id, f]));
  const notes: IndexedNote[] = [];
  const artefactFamilies = new Map<string, Set<string>>();
  const extensionFamilies = new Map<string, Set<string>>();
  const fileNamePatterns: KbIndex["fileNamePatterns"] = [];
  for (const f of kb.families) {
    for (const a of [...f.onions, ...f.emails]) addTo(artefactFamilies, a, f.id);
    for (const e of f.extensions) addTo(extensionFamilies, e, f.id);
    for (const p of f.noteFileNames) fileNamePatterns.push({ pattern: p, familyId: f.id });
    for (const note of f.notes) {
      if (excludeNoteIds.has(note.id)) continue;
      notes.push({ note, familyId: f.id, ...getNoteFeatures(note) });
      for (const a of [...note.onions, ...note.emails, ...note.toxIds]) addTo(artefactFamilies, a, f.id);
      if (note.fileName) fileNamePatterns.push({ pattern: note.fileName, familyId: f.id });
    }
  }
  const shingleFamilies = new Map<string, Set<string>>();
  for (const n of notes) for (const s of n.shingles) addTo(shingleFamilies, s, n.familyId);
  return {
    families,
    notes,
    charIndex: buildTfidfIndex(notes.map((n) => getNoteFeatures(n.note).charGrams)),
    wordIndex: buildTfidfIndex(notes.map((n) => getNoteFeatures(n.note).wordGrams)),
    shingleFamilies,
    artefactFamilies,
    extensionFamilies,
    fileNamePatterns: dedupePatterns(fileNamePatterns),
    names: buildNameTable(kb.families, notes),
  };
}

type NoteFeatures = Omit<IndexedNote, "note" | "familyId"> & { charGrams: string[]; wordGrams: string[] };

// Per-note features do not depend on which other notes are in the index: computing them once
// keeps leave-one-out (one index per held-out note) affordable.
const noteFeatureCache = new WeakMap<TKbNote, NoteFeatures>();

function getNoteFeatures(note: TKbNote): NoteFeatures {
  let features = noteFeatureCache.get(note);
  if (!features) {
    const words = toWords(maskVariableParts(note.text));
    features = {
      words,
      shingles: new Set(toShingles(words)),
      nameGrams: toNameGrams(toWords(note.text.toLowerCase())),
      charGrams: toCharGrams(words),
      wordGrams: toWordGrams(words),
    };
    noteFeatureCache.set(note, features);
  }
  return features;
}

/** Families whose note-file-name pattern matches the dropped file name, literally or through a wildcard. */
export function findFileNameFamilies(
  index: KbIndex,
  fileName: string,
): { exact: Set<string>; wildcard: Set<string> } {
  const exact = new Set<string>();
  const wildcard = new Set<string>();
  for (const { pattern, familyId } of index.fileNamePatterns) {
    const target = pattern.includes("*") ? wildcard : exact;
    if (!target.has(familyId) && matchesNoteFileName(pattern, fileName)) target.add(familyId);
  }
  return { exact, wildcard };
}

function buildNameTable(families: TKbFamily[], notes: IndexedNote[]): KbIndex["names"] {
  const names: KbIndex["names"] = new Map();
  for (const f of families) {
    for (const raw of [f.id, f.displayName, ...f.synonyms]) {
      const name = toNameKey(raw);
      // Names shorter than 3 letters ("lv", "wa") match too much ordinary text.
      if (name.replace(/[^a-z]/g, "").length < 3 || name.split(" ").length > 3) continue;
      const entry = names.get(name) ?? {
        familyIds: new Set<string>(),
        otherNoteCount: 0,
        selfNoteFamilies: new Set<string>(),
      };
      entry.familyIds.add(f.id);
      names.set(name, entry);
    }
  }
  // How generic is a name? Count notes of other families that contain it as words.
  for (const n of notes) {
    for (const gram of n.nameGrams) {
      const entry = names.get(gram);
      if (!entry) continue;
      if (entry.familyIds.has(n.familyId)) entry.selfNoteFamilies.add(n.familyId);
      else entry.otherNoteCount++;
    }
  }
  return names;
}

/** Name key as compared against note text: words lower-cased, "ransomware" dropped. */
export function toNameKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\b(ransomware|ransom|ransomeware)\b/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Words that mark the word before (or after) them as a name: "X ransomware", "team X". */
const NAME_CONTEXT = new Set([
  "ransomware",
  "ransom",
  "team",
  "group",
  "gang",
  "locker",
  "leaks",
  "blog",
  "crypt",
]);

/** "Encrypted by X", "attacked by X": the usual way a note signs. */
const SIGNING_VERBS = new Set(["encrypted", "attacked", "locked", "hacked", "compromised", "infected"]);

/** Name grams that stand next to a context word in the text. */
export function toContextNameGrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const isSignedBy = words[i - 1] === "by" && SIGNING_VERBS.has(words[i - 2] ?? "");
    for (let len = 1; len <= 3 && i + len <= words.length; len++) {
      const before = words[i - 1];
      const after = words[i + len];
      if (isSignedBy || (before && NAME_CONTEXT.has(before)) || (after && NAME_CONTEXT.has(after))) {
        out.add(words.slice(i, i + len).join(" "));
        if (len === 2) out.add(words.slice(i, i + len).join(""));
      }
    }
  }
  return out;
}

/** Distinct 1–3-word sequences of a note, also with the words joined ("lock bit" → "lockbit"). */
export function toNameGrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]!);
    if (i + 1 < words.length) {
      out.add(`${words[i]} ${words[i + 1]}`);
      // "Black Basta" in a note, "BlackBasta" in MISP.
      out.add(`${words[i]}${words[i + 1]}`);
    }
    if (i + 2 < words.length) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  return out;
}

function dedupePatterns(list: KbIndex["fileNamePatterns"]): KbIndex["fileNamePatterns"] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.pattern.toLowerCase()}|${p.familyId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function addTo(map: Map<string, Set<string>>, key: string, familyId: string): void {
  const set = map.get(key);
  if (set) set.add(familyId);
  else map.set(key, new Set([familyId]));
}
