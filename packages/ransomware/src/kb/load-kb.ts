import { readFileSync } from "node:fs";
import path from "node:path";
import { type TKnowledgeBase, ZKnowledgeBase } from "./kb-schema";

/** Where the shipped knowledge base lives; the product never reads `../shared` at run time. */
export const KB_DIR = path.resolve(import.meta.dirname, "../../../../content/ransomware");
export const KB_FILE_NAME = "kb.json";

let cached: TKnowledgeBase | undefined;

/**
 * Loads and validates the shipped knowledge base (cached after the first call).
 * Throws a clear error when the file is missing or fails validation: a half-valid KB would
 * silently give wrong answers.
 */
export function loadKnowledgeBase(file: string = path.join(KB_DIR, KB_FILE_NAME)): TKnowledgeBase {
  if (cached && file === path.join(KB_DIR, KB_FILE_NAME)) return cached;
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Ransomware knowledge base not found at ${file}: run build-kb`, { cause: error });
  }
  const parsed = ZKnowledgeBase.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new Error(`Ransomware knowledge base at ${file} is invalid: ${parsed.error.message.slice(0, 500)}`);
  }
  if (file === path.join(KB_DIR, KB_FILE_NAME)) cached = parsed.data;
  return parsed.data;
}

/** One family per line: small diffs in git when the build changes, and byte-stable output. */
export function serialiseKnowledgeBase(kb: TKnowledgeBase): string {
  const head = JSON.stringify({ schemaVersion: kb.schemaVersion, sources: kb.sources });
  const families = kb.families.map((f) => JSON.stringify(f)).join(",\n");
  return `${head.slice(0, -1)},"families":[\n${families}\n]}\n`;
}
