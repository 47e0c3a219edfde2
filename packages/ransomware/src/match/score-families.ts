import type { TEvidence } from "../result-schema";
import { defangArtefact } from "../text/extract-artefacts";
import { findFileNameFamilies, type IndexedNote, type KbIndex, toNameGrams } from "./kb-index";
import type { QueryFeatures } from "./query-features";
import { cosineWithAll } from "./tfidf-index";

/** Raw per-family signals; each weight is in log-odds points (see rank-candidates). */
export type FamilyScore = {
  familyId: string;
  similarity: number;
  bestNote: IndexedNote | null;
  signals: { kind: TEvidence["kind"]; weight: number; evidence: TEvidence }[];
};

/** Scores every family that any signal points at. Pure function of (index, query). */
export function scoreFamilies(index: KbIndex, q: QueryFeatures): Map<string, FamilyScore> {
  const scores = new Map<string, FamilyScore>();
  const get = (familyId: string): FamilyScore => {
    let s = scores.get(familyId);
    if (!s) {
      s = { familyId, similarity: 0, bestNote: null, signals: [] };
      scores.set(familyId, s);
    }
    return s;
  };
  if (q.charVec && q.wordVec) {
    const charSims = cosineWithAll(index.charIndex, q.charVec);
    const wordSims = cosineWithAll(index.wordIndex, q.wordVec);
    index.notes.forEach((note, i) => {
      const sim = 0.5 * charSims[i]! + 0.5 * wordSims[i]!;
      const s = get(note.familyId);
      if (sim > s.similarity) {
        s.similarity = sim;
        s.bestNote = note;
      }
    });
  }
  for (const gram of q.nameGrams) {
    const entry = index.names.get(gram);
    if (!entry) continue;
    // A name is a signature when the family's own notes carry it or the note writes it as a
    // name ("X ransomware", "X team"); otherwise it may be an ordinary word ("explorer", "demo").
    // A name other families' notes also use ("global", "royal") says little.
    const inContext = q.contextNameGrams.has(gram);
    for (const id of entry.familyIds) {
      const isSelfSigned = entry.selfNoteFamilies.has(id) && gram.length >= 4;
      const isSigned = inContext || isSelfSigned;
      const points = 0.5 + (isSelfSigned ? 1.5 : 0) + (inContext ? 2 : 0);
      const weight = points / (1 + entry.otherNoteCount) / entry.familyIds.size;
      add(get(id), "phrase", weight, gram, {
        ja: isSigned
          ? "ノートにファミリー名が署名として書かれています"
          : "ノートにファミリー名と同じ語があります",
        en: isSigned
          ? "The note signs with the family name"
          : "The note contains a word equal to the family name",
      });
    }
  }
  const artefactKinds: [TEvidence["kind"], string[], number][] = [
    ["onion", q.artefacts.onions, 5],
    ["tox", q.artefacts.toxIds, 5],
    ["email", q.artefacts.emails, 3],
  ];
  for (const [kind, values, base] of artefactKinds) {
    for (const value of values) {
      const fams = index.artefactFamilies.get(value);
      if (!fams) continue;
      for (const id of fams) {
        add(get(id), kind, base / fams.size, defangArtefact(value), {
          ja: `既知のノートと同じ連絡先（${fams.size}ファミリーで使用）`,
          en: `Same contact as in known notes (used by ${fams.size} famil${fams.size === 1 ? "y" : "ies"})`,
        });
      }
    }
  }
  for (const ext of q.extensions) {
    const fams = index.extensionFamilies.get(ext);
    if (!fams) continue;
    for (const id of fams) {
      add(get(id), "extension", 3.5 / fams.size, ext, {
        ja: `暗号化ファイルの拡張子が一致（${fams.size}ファミリーが使用）`,
        en: `Encrypted-file extension matches (used by ${fams.size} famil${fams.size === 1 ? "y" : "ies"})`,
      });
    }
  }
  for (const name of q.noteFileNames) {
    const { exact, wildcard } = findFileNameFamilies(index, name);
    // A literal match ("README.BlackSuit.txt") says more than one through a wildcard ("README.*.txt").
    for (const id of wildcard) {
      if (exact.has(id)) continue;
      add(get(id), "note-filename", 1 / (exact.size + wildcard.size), name, {
        ja: `ランサムノートのファイル名がパターンに一致（${wildcard.size}ファミリーが使用）`,
        en: `Ransom-note file name matches a pattern (used by ${wildcard.size} famil${wildcard.size === 1 ? "y" : "ies"})`,
      });
    }
    const fams = exact;
    for (const id of fams) {
      add(get(id), "note-filename", 2.5 / fams.size, name, {
        ja: `ランサムノートのファイル名が一致（${fams.size}ファミリーが使用）`,
        en: `Ransom-note file name matches (used by ${fams.size} famil${fams.size === 1 ? "y" : "ies"})`,
      });
    }
  }
  scoreNamesInFileNames(index, q, get);
  return scores;
}

/**
 * Attackers often put their name in the note's file name ("README.BlackSuit.txt",
 * "!!!READ_ME_MEDUSA!!!.txt") or in the extension (".nemty"). Names that ordinary notes also use
 * ("restore", "decrypt") are discounted by the same other-family count as in note text.
 */
function scoreNamesInFileNames(index: KbIndex, q: QueryFeatures, get: (id: string) => FamilyScore): void {
  const sources: [TEvidence["kind"], string][] = [
    ...q.noteFileNames.map((n): [TEvidence["kind"], string] => ["note-filename", n]),
    ...q.extensions.map((e): [TEvidence["kind"], string] => ["extension", e]),
  ];
  for (const [kind, value] of sources) {
    const words = value
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    for (const gram of toNameGrams(words.slice(0, 20))) {
      const entry = index.names.get(gram);
      if (!entry || gram.replace(/[^a-z]/g, "").length < 4) continue;
      // An extension that is exactly a family name (".8base") is as telling as a listed one.
      const isWholeExtension = kind === "extension" && value.toLowerCase() === `.${gram.replace(/ /g, "")}`;
      const points = isWholeExtension ? 3.5 : 2;
      for (const id of entry.familyIds) {
        add(get(id), kind, points / (1 + entry.otherNoteCount) / entry.familyIds.size, value, {
          ja: `ファイル名・拡張子にファミリー名「${gram}」があります`,
          en: `The file name or extension contains the family name "${gram}"`,
        });
      }
    }
  }
}

function add(
  s: FamilyScore,
  kind: TEvidence["kind"],
  weight: number,
  value: string,
  detail: TEvidence["detail"],
): void {
  // One piece of evidence per value: the same onion twice is not two confirmations.
  const same = (x: FamilyScore["signals"][number]) =>
    x.kind === kind && x.evidence.value === value.slice(0, 300) && x.evidence.detail.en === detail.en;
  if (s.signals.some(same)) return;
  s.signals.push({ kind, weight, evidence: { kind, value: value.slice(0, 300), detail } });
}
