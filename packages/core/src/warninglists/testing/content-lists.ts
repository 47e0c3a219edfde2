import { readFileSync } from "node:fs";
import path from "node:path";
import { compileWarningLists, type WarningListIndex } from "../compile-warning-lists";
import { type LoadedWarningList, ZMispWarningList, ZWarningListManifest } from "../warning-list-contracts";

export const CONTENT_LISTS = path.resolve(import.meta.dirname, "../../../../../content/warninglists");
/** The full MISP snapshot staged for development (CC0), of which content/ ships a selection. */
export const SHARED_LISTS = path.resolve(import.meta.dirname, "../../../../../../shared/data/warninglists");

/** Tests only: the shipped lists, read the way the server reads them. */
export function contentListIndex(): { index: WarningListIndex; lists: LoadedWarningList[] } {
  const manifest = ZWarningListManifest.parse(
    JSON.parse(readFileSync(path.join(CONTENT_LISTS, "manifest.json"), "utf8")),
  );
  const lists = manifest.lists.map((e) => ({
    ...ZMispWarningList.parse(JSON.parse(readFileSync(path.join(CONTENT_LISTS, e.file), "utf8"))),
    id: e.id,
    nameJa: e.nameJa,
    snapshotDate: manifest.snapshot.date,
  }));
  return { index: compileWarningLists(lists), lists };
}
