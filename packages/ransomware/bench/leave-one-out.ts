import { readFileSync } from "node:fs";
import path from "node:path";
import type { TKbNote, TKnowledgeBase } from "../src/kb/kb-schema";

export type LooCase = {
  familyId: string;
  note: TKbNote;
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string | null;
};
export type LooOutcome = {
  familyId: string;
  noteId: string;
  ranked: string[];
  confidence: number;
  status: string;
  ms: number;
};

/**
 * Held-out cases: every ThreatLabz note of a family with two or more ThreatLabz notes (raw bytes
 * from the shared folder). With `includeMisp`, also MISP note texts, over families with two or
 * more notes from either source: a second set of a different provenance.
 */
export function collectLooCases(kb: TKnowledgeBase, notesDir: string, includeMisp = false): LooCase[] {
  const cases: LooCase[] = [];
  for (const f of kb.families) {
    const pool = includeMisp ? f.notes : f.notes.filter((n) => n.source === "threatlabz");
    if (pool.length < 2) continue;
    for (const note of pool) {
      if (note.source === "misp") {
        cases.push({ familyId: f.id, note, bytes: new TextEncoder().encode(note.text), fileName: null });
        continue;
      }
      const rel = note.id.replace(/^threatlabz:/, "");
      // The dropped-name pattern with a made-up per-victim part, as a victim would see it.
      const fileName = note.fileName ? note.fileName.replace(/\*/g, "x7Kq2mP9") : null;
      cases.push({
        familyId: f.id,
        note,
        bytes: new Uint8Array(readFileSync(path.join(notesDir, rel))),
        fileName,
      });
    }
  }
  return cases;
}

/** Strips every note from the KB: what is left is MISP metadata (names, extensions, file names, links). */
export function toMetadataOnly(kb: TKnowledgeBase): TKnowledgeBase {
  return { ...kb, families: kb.families.map((f) => ({ ...f, notes: [] })) };
}
