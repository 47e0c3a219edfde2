/**
 * Leave-one-out benchmark of ransomware identification (run: npm run bench:identify).
 * For every family with two or more ThreatLabz notes, each note is classified by an index built
 * without it (its text, phrases, artefacts and file name are all excluded). The reference is a
 * lookup on MISP metadata only (family names, synonyms, note file names, leak-site onions, no note
 * texts), run on the same notes in the same run, so the ratio shows what the note matching adds.
 */
import path from "node:path";
import { createIdentifier, identifyRansomware } from "../src/identify/identify-ransomware";
import { loadKnowledgeBase } from "../src/kb/load-kb";
import { decodeNote } from "../src/text/decode-note";
import { collectLooCases, type LooCase, toMetadataOnly } from "./leave-one-out";

const NOTES_DIR = path.resolve(import.meta.dirname, "../../../../shared/data/ransomware/notes");

type Tally = {
  top1: number;
  top3: number;
  identified: number;
  identifiedCorrect: number;
  ms: number[];
  /** (top-1 confidence, was top-1 right) for the calibration table. */
  calibration: [number, boolean][];
};
const newTally = (): Tally => ({
  top1: 0,
  top3: 0,
  identified: 0,
  identifiedCorrect: 0,
  ms: [],
  calibration: [],
});

function record(t: Tally, c: LooCase, ranked: string[], status: string, ms: number, confidence = 0): void {
  t.calibration.push([confidence, ranked[0] === c.familyId]);
  if (ranked[0] === c.familyId) t.top1++;
  if (ranked.slice(0, 3).includes(c.familyId)) t.top3++;
  if (status === "identified") {
    t.identified++;
    if (ranked[0] === c.familyId) t.identifiedCorrect++;
  }
  t.ms.push(ms);
}

function stripArtefacts(text: string): string {
  return text
    .replace(/\b(?:[a-z2-7]{56}|[a-z2-7]{16})\.onion\b/gi, " ")
    .replace(/\S{1,64}@\S{1,255}/g, " ")
    .replace(/\b[0-9a-f]{76}\b/gi, " ");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
}

function classify(identifier: ReturnType<typeof createIdentifier>, c: LooCase, withFileName: boolean) {
  const start = performance.now();
  const r = identifyRansomware(
    { noteText: c.bytes, ...(withFileName && c.fileName ? { noteFileName: c.fileName } : {}) },
    identifier,
  );
  const ms = performance.now() - start;
  return {
    ranked: r.candidates.map((x) => x.family),
    status: r.status,
    ms,
    confidence: r.candidates[0]?.confidence ?? 0,
  };
}

const kb = loadKnowledgeBase();
const cases = collectLooCases(kb, NOTES_DIR);
const families = new Set(cases.map((c) => c.familyId));
const textOnly = newTally();
const withName = newTally();
const reference = newTally();
const withoutArtefacts = newTally();
const buildMs: number[] = [];
const referenceIdentifier = createIdentifier(toMetadataOnly(kb));
const misses: string[] = [];

for (const c of cases) {
  const t0 = performance.now();
  const identifier = createIdentifier(kb, new Set([c.note.id]));
  buildMs.push(performance.now() - t0);
  const a = classify(identifier, c, false);
  record(textOnly, c, a.ranked, a.status, a.ms, a.confidence);
  if (a.ranked[0] !== c.familyId)
    misses.push(`${c.note.id} → ${a.ranked.slice(0, 3).join(", ") || "(none)"}`);
  const b = classify(identifier, c, true);
  record(withName, c, b.ranked, b.status, b.ms);
  const r = classify(referenceIdentifier, c, true);
  record(reference, c, r.ranked, r.status, r.ms);
  // Ablation: the same note with its onions, e-mails and Tox ids removed (wording only).
  const stripped = { ...c, bytes: new TextEncoder().encode(stripArtefacts(decodeNote(c.bytes).text)) };
  const w = classify(identifier, stripped, false);
  record(withoutArtefacts, c, w.ranked, w.status, w.ms);
}

const n = cases.length;
const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
const row = (label: string, t: Tally) =>
  `${label.padEnd(44)} top-1 ${pct(t.top1).padStart(6)}  top-3 ${pct(t.top3).padStart(6)}  identified ${String(t.identified).padStart(2)}/${n} (correct ${t.identifiedCorrect})  median ${median(t.ms).toFixed(1)} ms/note`;

console.log("Ransomware identification: leave-one-out over ThreatLabz notes (families with ≥ 2 notes)");
console.log(`N = ${n} notes, ${families.size} families; knowledge base: ${kb.families.length} families`);
console.log(row("method: note text only", textOnly));
console.log(row("method: note text + note file name", withName));
console.log(row("reference: MISP metadata lookup (text + name)", reference));
console.log(row("ablation: note text without contact artefacts", withoutArtefacts));
console.log(
  `ratio top-1 method/reference: ${reference.top1 > 0 ? (textOnly.top1 / reference.top1).toFixed(2) : "∞"}x` +
    ` (${textOnly.top1} vs ${reference.top1} correct)`,
);
console.log(`median index build (per held-out note): ${median(buildMs).toFixed(0)} ms`);

// Second set, different provenance: MISP note texts too, over every family with ≥ 2 notes of any source.
const wider = collectLooCases(kb, NOTES_DIR, true);
const widerTally = newTally();
const widerReference = newTally();
for (const c of wider) {
  const identifier = createIdentifier(kb, new Set([c.note.id]));
  const a = classify(identifier, c, false);
  record(widerTally, c, a.ranked, a.status, a.ms, a.confidence);
  const r = classify(referenceIdentifier, c, false);
  record(widerReference, c, r.ranked, r.status, r.ms);
}
const widerFamilies = new Set(wider.map((c) => c.familyId)).size;
const pctW = (x: number) => `${((100 * x) / wider.length).toFixed(1)}%`;
console.log(
  `wider set (ThreatLabz + MISP notes, ${wider.length} notes, ${widerFamilies} families): ` +
    `method top-1 ${pctW(widerTally.top1)} top-3 ${pctW(widerTally.top3)}; ` +
    `reference top-1 ${pctW(widerReference.top1)} top-3 ${pctW(widerReference.top3)}`,
);
// Calibration: how often the top-1 answer is right, by its confidence (both sets together).
const bins: [number, number][] = [
  [0, 0.3],
  [0.3, 0.5],
  [0.5, 0.7],
  [0.7, 0.9],
  [0.9, 1.01],
];
const all = [...textOnly.calibration, ...widerTally.calibration];
console.log("calibration (top-1 confidence → share correct), both sets:");
for (const [lo, hi] of bins) {
  const inBin = all.filter(([conf]) => conf >= lo && conf < hi);
  const right = inBin.filter(([, ok]) => ok).length;
  const share = inBin.length > 0 ? `${((100 * right) / inBin.length).toFixed(0)}%` : "-";
  console.log(
    `  [${lo.toFixed(1)}, ${Math.min(hi, 1).toFixed(1)}): ${String(inBin.length).padStart(3)} notes, ${share} correct`,
  );
}
console.log(`misses (text only): ${misses.length}`);
for (const m of misses) console.log(`  ${m}`);
