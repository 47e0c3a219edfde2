import {
  splitCompositeName,
  toFamilyId,
  toFamilyKey,
  toFamilyKeys,
  toUnversionedKey,
} from "../../src/kb/family-name";
import type { TKbDecryptor, TKbFamily } from "../../src/kb/kb-schema";
import { POLICE_TOOLS } from "./police-tools";
import type { MispEntry } from "./read-misp";
import type { NmrRow } from "./read-nomoreransom";
import type { ThreatLabzFamily } from "./read-threatlabz";

export const NMR_AS_OF = "2023-02-13";

type Draft = { family: TKbFamily; nameMatched: boolean };

/**
 * Joins the three sources into one family list. A ThreatLabz folder is the family id when it
 * exists (that is how notes are labelled); MISP entries join it by name, version-less name or
 * synonym; other MISP entries become families of their own; NMR decryptors attach by name/synonym.
 */
export function mergeFamilies(tl: ThreatLabzFamily[], misp: MispEntry[], nmr: NmrRow[]): TKbFamily[] {
  const drafts = new Map<string, Draft>();
  const byKey = new Map<string, string>();
  for (const t of tl) {
    drafts.set(t.folder, { family: emptyFamily(t.folder, capitalise(t.folder)), nameMatched: false });
    drafts.get(t.folder)!.family.notes.push(...t.notes);
    for (const key of toFamilyKeys(t.folder)) byKey.set(key, t.folder);
  }
  for (const entry of misp) {
    const key = toFamilyKey(entry.value);
    const keys = toFamilyKeys(entry.value);
    let target = keys.map((k) => byKey.get(k)).find((id) => id !== undefined);
    const isNameMatch = target !== undefined;
    target ??= keys
      .map(toUnversionedKey)
      .map((k) => (k ? byKey.get(k) : undefined))
      .find((id) => id !== undefined);
    target ??= entry.synonyms
      .flatMap((s) => toFamilyKeys(s))
      .map((k) => byKey.get(k))
      .find((id) => id !== undefined);
    if (target === undefined) {
      target = uniqueId(toFamilyId(entry.value), drafts);
      drafts.set(target, { family: emptyFamily(target, cleanDisplayName(entry.value)), nameMatched: true });
      // A name with no Latin letters or digits has no key: it stays a family of its own.
      if (key.length > 0) byKey.set(key, target);
    }
    const draft = drafts.get(target)!;
    if (isNameMatch && !draft.nameMatched) {
      draft.family.displayName = cleanDisplayName(entry.value);
      draft.nameMatched = true;
    }
    addMisp(draft.family, entry);
  }
  const families = [...drafts.values()].map((d) => d.family);
  attachDecryptors(families, nmr);
  for (const f of families) finalise(f);
  return families.sort((a, b) => compareCodeUnits(a.id, b.id));
}

function addMisp(f: TKbFamily, e: MispEntry): void {
  f.synonyms.push(e.value, ...e.synonyms);
  f.extensions.push(...e.extensions);
  f.noteFileNames.push(...e.noteFileNames);
  f.onions.push(...e.onions);
  f.emails.push(...e.emails);
  f.notes.push(...e.notes);
}

/**
 * Equivalences the sources leave implicit. STOP and Djvu are one family (No More Ransom's own
 * download link for the "djvu" decryptor is ".../download/stop-djvu"); Dharma continues CrySIS
 * (MISP lists "Hunt-Dharma-Crysis"; NMR's Rakhni decryptor is listed under both names).
 */
const FAMILY_ALIASES: Record<string, string[]> = { stop: ["Djvu", "STOP/Djvu"], dharma: ["CrySIS"] };

function attachDecryptors(families: TKbFamily[], nmr: NmrRow[]): void {
  for (const f of families) f.synonyms.push(...(FAMILY_ALIASES[f.id] ?? []));
  const index = new Map<string, TKbFamily[]>();
  const put = (key: string, f: TKbFamily) => {
    const list = index.get(key) ?? [];
    if (!list.includes(f)) list.push(f);
    index.set(key, list);
  };
  for (const f of families) {
    for (const name of [f.id, f.displayName, ...f.synonyms]) put(toFamilyKey(name), f);
  }
  // Versioned names ("GlobeImposter 2.0") also answer to the bare name, unless a family has it.
  for (const f of families) {
    for (const name of [f.displayName, ...f.synonyms]) {
      const bare = toUnversionedKey(toFamilyKey(name));
      if (bare && !index.has(bare)) put(bare, f);
    }
  }
  for (const row of nmr) {
    const matched = new Set<TKbFamily>();
    for (const name of splitCompositeName(row.family)) {
      const key = toFamilyKey(name);
      const hits = index.get(key) ?? index.get(toUnversionedKey(key) ?? "") ?? [];
      for (const f of hits) matched.add(f);
    }
    const decryptor: TKbDecryptor = {
      name: row.decryptorName,
      provider: row.provider,
      url: toSafeUrl(row.howtoUrl) ?? toSafeUrl(row.downloadUrl),
      knownAsOf: NMR_AS_OF,
      source: "nomoreransom",
    };
    if (matched.size === 0) {
      // A family NMR knows but MISP does not: keep it so its decryptor can still be found by name.
      const f = emptyFamily(
        uniqueIdIn(toFamilyId(splitCompositeName(row.family)[0] ?? row.family), families),
        row.family,
      );
      families.push(f);
      matched.add(f);
    }
    for (const f of matched) f.decryptors.push({ ...decryptor });
  }
}

function finalise(f: TKbFamily): void {
  const police = POLICE_TOOLS[f.id];
  if (police) {
    f.policeTool = police.tool;
    f.decryptors.unshift(police.decryptor);
  }
  const display = f.displayName.toLowerCase();
  f.synonyms = uniqueCaseless(f.synonyms.filter((s) => s.toLowerCase() !== display));
  f.extensions = [...new Set(f.extensions)].sort();
  f.noteFileNames = uniqueCaseless(f.noteFileNames);
  f.onions = [...new Set(f.onions)].sort();
  f.emails = [...new Set(f.emails)].sort();
  f.notes.sort((a, b) => compareCodeUnits(a.id, b.id));
  const seen = new Set<string>();
  f.decryptors = f.decryptors.filter((d) => {
    const k = `${d.name}|${d.provider}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function toSafeUrl(raw: string): string | null {
  try {
    const url = new URL(encodeURI(raw.trim()));
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function emptyFamily(id: string, displayName: string): TKbFamily {
  return {
    id,
    displayName,
    synonyms: [],
    extensions: [],
    noteFileNames: [],
    onions: [],
    emails: [],
    notes: [],
    decryptors: [],
    policeTool: null,
  };
}

function cleanDisplayName(value: string): string {
  return value.replace(/\s+ransom(?:s|e)?ware$/i, "").trim() || value;
}

function capitalise(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

function uniqueId(base: string, drafts: Map<string, Draft>): string {
  let id = base;
  for (let n = 2; drafts.has(id); n++) id = `${base}-${n}`;
  return id;
}

function uniqueIdIn(base: string, families: TKbFamily[]): string {
  let id = base;
  for (let n = 2; families.some((f) => f.id === id); n++) id = `${base}-${n}`;
  return id;
}

function uniqueCaseless(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  return [...seen.values()].sort(compareCodeUnits);
}

/** Locale-independent order, so the build output is byte-identical on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
