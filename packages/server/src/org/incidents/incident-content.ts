import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type TChecklistContent,
  type TObligationRule,
  ZChecklistContent,
  ZObligationRules,
} from "@sonae/core";

/** content/ at the repository root: checklists and deadline rules are data, validated at load. */
export const INCIDENT_CONTENT_DIR = path.resolve(import.meta.dirname, "../../../../../content");

let checklists: TChecklistContent[] | undefined;
let obligations: TObligationRule[] | undefined;

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(INCIDENT_CONTENT_DIR, relative), "utf8"));
}

/** The first-response and disclosure checklists (content/checklists/*.json). Throws naming the bad field. */
export function loadChecklists(): TChecklistContent[] {
  checklists ??= ["checklists/first-response.json", "checklists/disclosure.json"].map((file) =>
    ZChecklistContent.parse(readJson(file)),
  );
  return checklists;
}

/** The reporting obligations with their legal rule and source (content/deadlines/japan.json). */
export function loadObligationRules(): TObligationRule[] {
  obligations ??= ZObligationRules.parse(readJson("deadlines/japan.json")).obligations;
  return obligations;
}
