import { readFileSync } from "node:fs";
import path from "node:path";
import { KEV_CONTENT_DIR } from "./alias-table";
import type { LocalisedText } from "./kev-types";

interface CweFile {
  labels: Record<string, LocalisedText>;
}

let labels: Map<string, LocalisedText> | undefined;

/** Short Japanese and English names of weaknesses (content/kev/cwe-labels.json, sourced there). */
export function loadCweLabels(): Map<string, LocalisedText> {
  labels ??= new Map(
    Object.entries(
      (JSON.parse(readFileSync(path.join(KEV_CONTENT_DIR, "cwe-labels.json"), "utf8")) as CweFile).labels,
    ),
  );
  return labels;
}

/** The weaknesses of a KEV entry with their short names; a CWE without a label keeps its id only. */
export function describeWeaknesses(
  cwes: readonly string[] | undefined,
): { cwe: string; label: LocalisedText | null }[] {
  const table = loadCweLabels();
  return (cwes ?? []).map((cwe) => ({ cwe, label: table.get(cwe) ?? null }));
}
