import { readFileSync } from "node:fs";
import path from "node:path";
import {
  compileWarningLists,
  type LoadedWarningList,
  type WarningListIndex,
  ZMispWarningList,
  ZWarningListManifest,
} from "@sonae/core";

/** content/warninglists: the lists Sonae ships (manifest.json names them; see SOURCE.md there). */
export const SHIPPED_WARNING_LISTS_DIR = path.resolve(import.meta.dirname, "../../../content/warninglists");

let shipped: WarningListIndex | null = null;

/**
 * The shipped warning lists compiled with core's matcher, read once. The server has its own loaded index
 * (platform/warning-lists); it can pass that to normaliseReportedUrl instead, so both read the same data.
 */
export function shippedWarningListIndex(): WarningListIndex {
  shipped ??= compileShippedWarningLists();
  return shipped;
}

/** A freshly compiled index of the shipped lists (no shared cache: benches start cold with it). */
export function compileShippedWarningLists(): WarningListIndex {
  const manifest = ZWarningListManifest.parse(
    JSON.parse(readFileSync(path.join(SHIPPED_WARNING_LISTS_DIR, "manifest.json"), "utf8")),
  );
  const lists: LoadedWarningList[] = manifest.lists.map((entry) => ({
    ...ZMispWarningList.parse(
      JSON.parse(readFileSync(path.join(SHIPPED_WARNING_LISTS_DIR, entry.file), "utf8")),
    ),
    id: entry.id,
    nameJa: entry.nameJa,
    snapshotDate: manifest.snapshot.date,
  }));
  return compileWarningLists(lists);
}
