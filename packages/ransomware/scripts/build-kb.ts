/**
 * Builds the shipped ransomware knowledge base from `../shared/data/ransomware/` into
 * `content/ransomware/` (kb.json + ATTRIBUTION.md). Deterministic: same input, same bytes.
 * Usage: npx tsx packages/ransomware/scripts/build-kb.ts [dataDir] [outDir]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type TKnowledgeBase, ZKnowledgeBase } from "../src/kb/kb-schema";
import { serialiseKnowledgeBase } from "../src/kb/load-kb";
import { mergeFamilies, NMR_AS_OF } from "./kb-build/merge-families";
import { NPA_REPORT_AS_OF, NPA_REPORT_CITATION } from "./kb-build/police-tools";
import { readMispCluster } from "./kb-build/read-misp";
import { readNomoreransomCsv } from "./kb-build/read-nomoreransom";
import { readThreatLabzNotes } from "./kb-build/read-threatlabz";
import { renderAttribution } from "./kb-build/write-attribution";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const DEFAULT_DATA_DIR = path.resolve(repoRoot, "../shared/data/ransomware");
export const DEFAULT_OUT_DIR = path.resolve(repoRoot, "content/ransomware");

/** Reads the three sources and returns the validated knowledge base plus its attribution text. */
export function buildKnowledgeBase(dataDir: string): { kb: TKnowledgeBase; attribution: string } {
  const tl = readThreatLabzNotes(path.join(dataDir, "notes"));
  const misp = readMispCluster(path.join(dataDir, "family-metadata/misp-galaxy-clusters-ransomware.json"));
  const nmr = readNomoreransomCsv(
    path.join(dataDir, "decryptors-nomoreransom/nomoreransom-decryptors-2023-02-13.csv"),
  );
  const kb = ZKnowledgeBase.parse({
    schemaVersion: 1,
    sources: [
      {
        id: "threatlabz-notes",
        name: "ThreatLabz ransomware_notes",
        license: "MIT",
        asOf: "2026-06-26",
        reference: "https://github.com/ThreatLabz/ransomware_notes",
      },
      {
        id: "misp-galaxy",
        name: `MISP galaxy ransomware cluster v${misp.version}`,
        license: "CC0-1.0 OR BSD-2-Clause",
        asOf: "2026-08-06",
        reference: "https://github.com/MISP/misp-galaxy",
      },
      {
        id: "nomoreransom",
        name: "No More Ransom decryption tools",
        license: "facts; attribution to No More Ransom",
        asOf: NMR_AS_OF,
        reference: "https://www.nomoreransom.org/en/decryption-tools.html",
      },
      {
        id: "npa-report",
        name: NPA_REPORT_CITATION,
        license: "government publication, cited",
        asOf: NPA_REPORT_AS_OF,
        reference: "https://www.npa.go.jp/bureau/cyber/index.html",
      },
    ],
    families: mergeFamilies(tl, misp.entries, nmr),
  });
  return { kb, attribution: renderAttribution(dataDir, misp.version) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dataDir = path.resolve(process.argv[2] ?? DEFAULT_DATA_DIR);
  const outDir = path.resolve(process.argv[3] ?? DEFAULT_OUT_DIR);
  const { kb, attribution } = buildKnowledgeBase(dataDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "kb.json"), serialiseKnowledgeBase(kb));
  writeFileSync(path.join(outDir, "ATTRIBUTION.md"), attribution);
  const notes = kb.families.reduce((n, f) => n + f.notes.length, 0);
  console.log(`families ${kb.families.length}, notes ${notes} → ${outDir}`);
}
