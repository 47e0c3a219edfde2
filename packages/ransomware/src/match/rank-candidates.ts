import type { TEvidence } from "../result-schema";
import type { FamilyScore } from "./score-families";

/**
 * Evidence is added up as points on a log-odds scale. Similarity: unrelated ransom notes share
 * generic wording and reach a cosine of about 0.2–0.3; notes of one family usually exceed 0.5
 * (leave-one-out on the ThreatLabz notes, see bench/). Two families that reuse one template differ
 * by a few hundredths, which is worth about half a point: the text alone then stays ambiguous.
 */
export const SIMILARITY_ZERO = 0.3;
export const SIMILARITY_POINTS_PER_UNIT = 12;
/**
 * Above this cosine the text says "same template", which rebrands and copycats share
 * (Conti → Black Basta/Monti, El Dorado → BlackLock/DragonForce); gains are halved beyond it
 * so that an exact contact artefact can outweigh a reused template.
 */
export const SIMILARITY_KNEE = 0.7;
/** Points at which the absolute confidence is one half. */
export const ABSOLUTE_MIDPOINT = 3;
const SOFTMAX_POOL = 10;

export type RankedFamily = { score: FamilyScore; points: number; confidence: number };

/** Points of one family: similarity plus every other kind of evidence (correlated values damped). */
export function toEvidencePoints(score: FamilyScore, zero = SIMILARITY_ZERO): number {
  const knee = zero + (SIMILARITY_KNEE - SIMILARITY_ZERO);
  const linear = Math.min(score.similarity, knee) - zero;
  const beyond = Math.max(0, score.similarity - knee) / 2;
  // A dissimilar note is weak evidence against: families change templates between versions.
  const sim = Math.max(-0.5, (linear + beyond) * SIMILARITY_POINTS_PER_UNIT);
  const simPoints = score.bestNote ? sim : 0;
  const kinds: TEvidence["kind"][] = ["phrase", "onion", "tox", "email", "extension", "note-filename"];
  let other = 0;
  for (const kind of kinds) {
    const weights = score.signals
      .filter((s) => s.kind === kind)
      .map((s) => s.weight)
      .sort((a, b) => b - a);
    if (weights.length === 0) continue;
    // Ten onion mirrors of one leak site are one fact, not ten: the first counts fully.
    const rest = weights.slice(1).reduce((sum, w) => sum + w, 0);
    other += weights[0]! + Math.min(weights[0]! * 0.5, rest * 0.25);
  }
  return simPoints + other;
}

/**
 * Ranks families and calibrates a confidence: an absolute part (is the evidence strong at all?)
 * times a relative part (softmax share among the best families, so two look-alike families that
 * reuse one note template give a hedged answer rather than a confident wrong one).
 */
export function rankFamilies(scores: Iterable<FamilyScore>): RankedFamily[] {
  const list = [...scores];
  const zero = toSimilarityZero(list);
  const ranked = list.map((score) => ({ score, points: toEvidencePoints(score, zero), confidence: 0 }));
  ranked.sort((a, b) => b.points - a.points || (a.score.familyId < b.score.familyId ? -1 : 1));
  const pool = ranked.slice(0, SOFTMAX_POOL);
  const top = pool[0]?.points ?? 0;
  const total = pool.reduce((sum, r) => sum + Math.exp(r.points - top), 0);
  for (const r of pool) {
    const absolute = 1 / (1 + Math.exp(-(r.points - ABSOLUTE_MIDPOINT)));
    const share = Math.exp(r.points - top) / total;
    r.confidence = r.points > 0 ? absolute * share : 0;
  }
  return ranked;
}

const BACKGROUND_RANK = 5;
const BACKGROUND_MARGIN = 0.08;
const ZERO_FLOOR = 0.15;

/**
 * Where similarity starts to count, for this note. Every ransom note shares some wording with
 * every other ("your files are encrypted", "Tor browser"), more so for long generic notes: the
 * similarity of the fifth most similar family measures that background, and a family must stand
 * out from it. Bounded by the fixed 0.3 so a note similar to many families is not favoured.
 */
function toSimilarityZero(scores: FamilyScore[]): number {
  const sims = scores
    .filter((s) => s.bestNote)
    .map((s) => s.similarity)
    .sort((a, b) => b - a);
  if (sims.length < BACKGROUND_RANK) return SIMILARITY_ZERO;
  const background = sims[BACKGROUND_RANK - 1]!;
  return Math.min(SIMILARITY_ZERO, Math.max(ZERO_FLOOR, background + BACKGROUND_MARGIN));
}
