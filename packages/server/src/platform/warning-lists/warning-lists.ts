import { readFileSync } from "node:fs";
import path from "node:path";
import {
  compileWarningLists,
  findWarningListMatches,
  type LoadedWarningList,
  type TIndicatorKind,
  type TWarningListMatch,
  type WarningListIndex,
  warningListDate,
  ZMispWarningList,
  ZWarningListManifest,
} from "@sonae/core";

/** content/warninglists: the shipped MISP lists and Sonae's own, named in manifest.json (see SOURCE.md). */
export const WARNING_LISTS_DIR = path.resolve(import.meta.dirname, "../../../../../content/warninglists");

export type WarningListSummary = {
  id: string;
  name: { ja: string; en: string };
  type: LoadedWarningList["type"];
  entries: number;
  date: string;
  dateBasis: "list-version" | "snapshot";
};

type Loaded = {
  index: WarningListIndex;
  summaries: WarningListSummary[];
  snapshot: { commit: string; date: string };
};
const cache = new Map<string, Loaded>();

/** Reads and validates every list of a manifest; a bad file stops the load naming the file and field. */
export function loadWarningLists(dir = WARNING_LISTS_DIR): Loaded {
  const hit = cache.get(dir);
  if (hit) return hit;
  const manifest = ZWarningListManifest.parse(
    JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")),
  );
  const lists: LoadedWarningList[] = manifest.lists.map((entry) => {
    const parsed = ZMispWarningList.safeParse(JSON.parse(readFileSync(path.join(dir, entry.file), "utf8")));
    if (!parsed.success) throw new Error(`warning list ${entry.file}: ${parsed.error.issues[0]?.message}`);
    return { ...parsed.data, id: entry.id, nameJa: entry.nameJa, snapshotDate: manifest.snapshot.date };
  });
  const index = compileWarningLists(lists);
  if (index.rejected.length)
    throw new Error(
      `warning lists: entries that cannot be read as MISP does: ${JSON.stringify(index.rejected.slice(0, 5))}`,
    );
  const loaded: Loaded = {
    index,
    snapshot: { commit: manifest.snapshot.commit, date: manifest.snapshot.date },
    summaries: lists.map((l) => ({
      id: l.id,
      name: { ja: l.nameJa, en: l.name },
      type: l.type,
      entries: l.list.length,
      ...warningListDate(l.version, l.snapshotDate),
    })),
  };
  cache.set(dir, loaded);
  return loaded;
}

/**
 * The one question every part of Sonae asks (organisation side and hub alike): which shipped lists is
 * this normalised value on? Empty means it is an attack indicator; anything else makes it context.
 */
export function warningListMatches(kind: TIndicatorKind, value: string): TWarningListMatch[] {
  return findWarningListMatches(loadWarningLists().index, kind, value);
}
