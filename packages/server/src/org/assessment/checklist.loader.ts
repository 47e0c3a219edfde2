import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { AppError, type TChecklist, ZChecklist } from "@sonae/core";

/** The shipped checklist: content/readiness/checklist.json at the repository root. */
export const CHECKLIST_PATH = resolve(import.meta.dirname, "../../../../../content/readiness/checklist.json");

let cached: TChecklist | null = null;

/**
 * Reads and validates a checklist file. A broken file is a deployment error: it fails loudly with
 * the path and the first problem, never with a half-usable checklist.
 */
export function loadChecklistFile(path: string): TChecklist {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new AppError("INTERNAL", {
      cause,
      detail: { ja: `チェックリストを読めません: ${path}`, en: `Cannot read the checklist: ${path}` },
    });
  }
  const parsed = ZChecklist.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw new AppError("INTERNAL", {
      cause: parsed.error,
      detail: {
        ja: `チェックリストが不正です (${path} ${where}: ${issue?.message})`,
        en: `The checklist is invalid (${path} ${where}: ${issue?.message})`,
      },
    });
  }
  return parsed.data;
}

/** The shipped checklist, read once per process. */
export function getChecklist(): TChecklist {
  cached ??= loadChecklistFile(CHECKLIST_PATH);
  return cached;
}
