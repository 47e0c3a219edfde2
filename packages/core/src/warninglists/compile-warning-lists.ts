import { CidrList } from "./cidr-ranges";
import { warningListDate } from "./list-date";
import { compileMispRegex } from "./misp-regex";
import type { LoadedWarningList, TWarningListMatch } from "./warning-list-contracts";

/** What a list says about itself when it matches (without the entry, added per match). */
export type ListLabel = Omit<TWarningListMatch, "entry"> & { attributes: ReadonlySet<string> | null };

/**
 * All lists compiled once for fast lookups: exact and hostname entries in one map each (entry → lists
 * holding it), CIDR entries as sorted ranges per list, substrings and regexes as short arrays.
 */
export type WarningListIndex = {
  labels: ListLabel[];
  exact: Map<string, number[]>;
  hostnames: Map<string, number[]>;
  cidrs: { list: number; ranges: CidrList }[];
  substrings: { list: number; needle: string }[];
  regexes: { list: number; entry: string; re: RegExp }[];
  /** Entries that could not be compiled (bad CIDR, regex JavaScript would read differently). */
  rejected: { listId: string; entry: string }[];
};

function addTo(map: Map<string, number[]>, key: string, list: number) {
  const at = map.get(key);
  if (!at) map.set(key, [list]);
  else if (at[at.length - 1] !== list) at.push(list);
}

export function compileWarningLists(lists: readonly LoadedWarningList[]): WarningListIndex {
  const index: WarningListIndex = {
    labels: [],
    exact: new Map(),
    hostnames: new Map(),
    cidrs: [],
    substrings: [],
    regexes: [],
    rejected: [],
  };
  lists.forEach((l, i) => {
    index.labels.push({
      listId: l.id,
      name: { ja: l.nameJa, en: l.name },
      ...warningListDate(l.version, l.snapshotDate),
      attributes: l.matching_attributes?.length ? new Set(l.matching_attributes) : null,
    });
    switch (l.type) {
      case "string":
        for (const e of l.list) if (e) addTo(index.exact, e.trim().toLowerCase(), i);
        break;
      case "hostname":
        // As MISP reads hostname lists: lower case, surrounding dots dropped.
        for (const e of l.list)
          if (e)
            addTo(
              index.hostnames,
              e
                .trim()
                .toLowerCase()
                .replace(/^\.+|\.+$/g, ""),
              i,
            );
        break;
      case "substring":
        for (const e of l.list) if (e) index.substrings.push({ list: i, needle: e.toLowerCase() });
        break;
      case "cidr": {
        const ranges = new CidrList(l.list);
        for (const entry of ranges.rejected) index.rejected.push({ listId: l.id, entry });
        index.cidrs.push({ list: i, ranges });
        break;
      }
      case "regex":
        for (const entry of l.list) {
          const re = compileMispRegex(entry);
          if (re) index.regexes.push({ list: i, entry, re });
          else index.rejected.push({ listId: l.id, entry });
        }
        break;
    }
  });
  return index;
}
