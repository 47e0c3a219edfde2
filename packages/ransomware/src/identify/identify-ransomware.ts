import type { TKnowledgeBase } from "../kb/kb-schema";
import { loadKnowledgeBase } from "../kb/load-kb";
import { findDistinctivePhrases } from "../match/explain-phrases";
import { buildKbIndex, type KbIndex } from "../match/kb-index";
import { buildQueryFeatures } from "../match/query-features";
import { rankFamilies } from "../match/rank-candidates";
import { scoreFamilies } from "../match/score-families";
import {
  type TCandidate,
  type TEvidence,
  type TIdentifyInput,
  type TIdentifyResult,
  ZIdentifyInput,
} from "../result-schema";
import { buildGuidance } from "./build-guidance";
import { collectInput } from "./collect-input";

/** Below this confidence the answer is "unknown": a guess must not look like an identification. */
export const IDENTIFIED_THRESHOLD = 0.5;
const MAX_CANDIDATES = 5;
const MIN_CANDIDATE_CONFIDENCE = 0.01;
const MIN_SHOWN_EVIDENCE_POINTS = 0.2;

/** A knowledge base with its matcher index, built once and reused. */
export type Identifier = { kb: TKnowledgeBase; index: KbIndex };

let defaultIdentifier: Identifier | undefined;

/** Builds an identifier over a knowledge base (the shipped one by default). */
export function createIdentifier(
  kb: TKnowledgeBase = loadKnowledgeBase(),
  excludeNoteIds?: ReadonlySet<string>,
): Identifier {
  return { kb, index: buildKbIndex(kb, excludeNoteIds) };
}

/** The identifier over the shipped KB, built on first use; call it at server start to warm up. */
export function getDefaultIdentifier(): Identifier {
  defaultIdentifier ??= createIdentifier();
  return defaultIdentifier;
}

/**
 * Identifies the ransomware family from a note, file names, an extension and/or contact
 * artefacts. Returns ranked candidates with the evidence for each, guidance for the best one,
 * and status "unknown" when no candidate is convincing.
 */
export function identifyRansomware(input: TIdentifyInput, identifier?: Identifier): TIdentifyResult {
  const parsed = ZIdentifyInput.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid identify input: ${parsed.error.message.slice(0, 300)}`);
  if (!hasAnything(parsed.data)) {
    throw new Error(
      "Nothing to identify: give a note, a note file name, file names, an extension or artefacts",
    );
  }
  const { kb, index } = identifier ?? getDefaultIdentifier();
  const collected = collectInput(parsed.data);
  const query = buildQueryFeatures(
    index,
    collected.note?.text ?? "",
    collected.artefacts,
    collected.extensions,
    collected.noteFileNames,
  );
  const ranked = rankFamilies(scoreFamilies(index, query).values());
  const candidates: TCandidate[] = ranked
    .filter((r) => r.confidence >= MIN_CANDIDATE_CONFIDENCE)
    .slice(0, MAX_CANDIDATES)
    .map((r) => {
      const family = index.families.get(r.score.familyId)!;
      // Signals worth less than a fifth of a point (a common word that happens to be a family
      // name) still count in the score but would only clutter the explanation; ten mirrors of
      // one leak site are shown as five.
      const perKind = new Map<string, number>();
      const signals = r.score.signals
        .filter((s) => s.weight >= MIN_SHOWN_EVIDENCE_POINTS)
        .sort((a, b) => b.weight - a.weight)
        .filter((s) => {
          const n = (perKind.get(s.kind) ?? 0) + 1;
          perKind.set(s.kind, n);
          return n <= 5;
        })
        .map((s) => s.evidence);
      const evidence: TEvidence[] = [];
      if (r.score.bestNote && r.score.similarity >= 0.25) {
        evidence.push({
          kind: "similar-note",
          value: r.score.bestNote.note.fileName ?? r.score.bestNote.note.id,
          detail: {
            ja: `既知のノートとの類似度 ${r.score.similarity.toFixed(2)}（${r.score.bestNote.note.id}）`,
            en: `Similarity ${r.score.similarity.toFixed(2)} to a known note (${r.score.bestNote.note.id})`,
          },
        });
        for (const phrase of findDistinctivePhrases(index, query.words, r.score.bestNote)) {
          evidence.push({
            kind: "phrase",
            value: phrase,
            detail: {
              ja: "このファミリーの既知のノートに特有の文言",
              en: "Wording specific to this family's known notes",
            },
          });
        }
      }
      evidence.push(...signals);
      return {
        family: family.id,
        displayName: family.displayName,
        synonyms: family.synonyms.slice(0, 20),
        confidence: Math.round(r.confidence * 1000) / 1000,
        evidence: evidence.slice(0, 20),
      };
    });
  const top = candidates[0];
  const status = top && top.confidence >= IDENTIFIED_THRESHOLD ? "identified" : "unknown";
  const nmrAsOf = kb.sources.find((s) => s.id === "nomoreransom")?.asOf ?? "unknown";
  return {
    status,
    candidates,
    guidance: buildGuidance(status === "identified" && top ? index.families.get(top.family)! : null, nmrAsOf),
    input: {
      noteBytes: collected.noteBytes,
      noteEncoding: collected.note?.encoding ?? null,
      noteWasHtml: collected.note?.wasHtml ?? false,
      noteWasTruncated: collected.note?.wasTruncated ?? false,
      noteLooksBinary: collected.note?.looksBinary ?? false,
      fileNames: parsed.data.fileNames?.length ?? 0,
      artefacts: parsed.data.artefacts?.length ?? 0,
    },
    knowledgeBase: {
      sources: kb.sources.map(({ id, name, license, asOf }) => ({ id, name, license, asOf })),
    },
  };
}

function hasAnything(input: TIdentifyInput): boolean {
  return (
    (input.noteText !== undefined && input.noteText.length > 0) ||
    Boolean(input.noteFileName?.trim()) ||
    (input.fileNames?.length ?? 0) > 0 ||
    Boolean(input.extension?.trim()) ||
    (input.artefacts?.length ?? 0) > 0
  );
}
