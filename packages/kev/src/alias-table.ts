import { readFileSync } from "node:fs";
import path from "node:path";
import { findPhrase, normaliseVendorName, tokeniseText } from "./normalise-name";

/** `content/kev/` of this checkout: the shipped catalogue, its schema, licence and `aliases.json`. */
export const KEV_CONTENT_DIR = path.resolve(import.meta.dirname, "../../../content/kev");

interface AliasFile {
  vendors: { id: string; names: string[] }[];
  products: {
    id: string;
    vendor: string;
    category?: string;
    terms: string[];
    cpe?: string[];
    versionScheme?: string;
    models?: Record<string, string[]>;
  }[];
  entryProducts: Record<string, string[]>;
  categories: Record<string, string[]>;
  brands: Record<string, string>;
}

export interface ProductLine {
  id: string;
  vendor: string;
  category?: string;
  phrases: string[][];
  /** NVD CPE products ("fortinet:fortios") this line is; empty = no version verdict possible. */
  cpe: string[];
  /** Version scheme id (ranges/version-schemes.ts). */
  versionScheme: string;
  /** Models of a series, each with the CPE products NVD names for it, longest phrase first. */
  models: { tokens: string[]; cpe: string[] }[];
}

/** Compiled alias data: every name already tokenised the same way device text is. */
export interface AliasTable {
  vendorByName: Map<string, string>;
  vendorPhrases: { tokens: string[]; id: string }[];
  linesByVendor: Map<string, ProductLine[]>;
  entryProducts: Map<string, string[]>;
  categories: { id: string; phrases: string[][] }[];
  /** Brand names that identify a vendor on their own ("FortiGate" → fortinet), longest first. */
  brands: { tokens: string[]; id: string }[];
}

const byLengthDesc = (a: { length: number }, b: { length: number }) => b.length - a.length;

/** Compiles an alias file (see `content/kev/aliases.json`) into lookup tables. */
export function compileAliasTable(file: AliasFile): AliasTable {
  const vendorByName = new Map<string, string>();
  const vendorPhrases: { tokens: string[]; id: string }[] = [];
  for (const vendor of file.vendors) {
    for (const name of [vendor.id, ...vendor.names]) {
      const norm = normaliseVendorName(name);
      vendorByName.set(norm, vendor.id);
      vendorPhrases.push({ tokens: norm.split(" "), id: vendor.id });
    }
  }
  vendorPhrases.sort((a, b) => b.tokens.length - a.tokens.length);
  const linesByVendor = new Map<string, ProductLine[]>();
  for (const line of file.products) {
    const phrases = [line.id, ...line.terms].map((t) => tokeniseText(t)).sort(byLengthDesc);
    const list = linesByVendor.get(line.vendor) ?? [];
    const models = Object.entries(line.models ?? {})
      .map(([name, cpe]) => ({ tokens: tokeniseText(name), cpe }))
      .sort((a, b) => b.tokens.length - a.tokens.length);
    list.push({
      id: line.id,
      vendor: line.vendor,
      category: line.category,
      phrases,
      cpe: line.cpe ?? [],
      versionScheme: line.versionScheme ?? "dotted",
      models,
    });
    linesByVendor.set(line.vendor, list);
  }
  const categories = Object.entries(file.categories).map(([id, terms]) => ({
    id,
    phrases: terms.map((t) => tokeniseText(t)).sort(byLengthDesc),
  }));
  return {
    vendorByName,
    vendorPhrases,
    linesByVendor,
    entryProducts: new Map(Object.entries(file.entryProducts)),
    categories,
    brands: Object.entries(file.brands)
      .filter(([name]) => !name.startsWith("$"))
      .map(([name, id]) => ({ tokens: tokeniseText(name), id }))
      .sort((a, b) => b.tokens.length - a.tokens.length),
  };
}

let shipped: AliasTable | undefined;

/** The alias table shipped in `content/kev/aliases.json` (read once). */
export function loadShippedAliasTable(): AliasTable {
  shipped ??= compileAliasTable(
    JSON.parse(readFileSync(path.join(KEV_CONTENT_DIR, "aliases.json"), "utf8")) as AliasFile,
  );
  return shipped;
}

/**
 * Vendor ids for a vendor string: the alias id when one spelling matches, several ids for joint entries
 * ("D-Link and TRENDnet"), or the normalised name itself for vendors Sonae has no alias for.
 */
export function resolveVendorIds(table: AliasTable, name: string): string[] {
  const norm = normaliseVendorName(name);
  const exact = table.vendorByName.get(norm);
  if (exact) return [exact];
  const tokens = norm.split(" ");
  for (const phrase of table.vendorPhrases) {
    // Single-token aliases of 1-2 letters ("ms") only count as the whole name, never inside one.
    if (phrase.tokens.length === 1 && (phrase.tokens[0]?.length ?? 0) < 3) continue;
    if (findPhrase(tokens, phrase.tokens) >= 0) return [phrase.id];
  }
  const parts = name.split(/\s+and\s+|,|\/|&/i).filter((p) => p.trim().length > 0);
  if (parts.length > 1) return parts.flatMap((p) => resolveVendorIds(table, p));
  return norm.length > 0 ? [norm] : [];
}

/** Vendor id named by a brand in the text ("FortiGate 60F" → fortinet), for devices whose vendor field is unusable. */
export function findBrandVendor(table: AliasTable, text: string): string | undefined {
  const tokens = tokeniseText(text);
  return table.brands.find((b) => findPhrase(tokens, b.tokens) >= 0)?.id;
}

/**
 * Product lines of `vendorId` named in `text`. Longest phrases are taken first and consume their tokens,
 * so "IOS XE" yields only `ios xe`, while "IOS and IOS XE" yields both `ios` and `ios xe`.
 */
export function findProductLines(table: AliasTable, vendorId: string, text: string): Set<string> {
  const lines = table.linesByVendor.get(vendorId) ?? [];
  const tokens: (string | null)[] = tokeniseText(text);
  const candidates = lines.flatMap((line) => line.phrases.map((phrase) => ({ line, phrase })));
  candidates.sort((a, b) => b.phrase.length - a.phrase.length);
  const found = new Set<string>();
  for (const { line, phrase } of candidates) {
    let at = findPhrase(tokens as string[], phrase);
    while (at >= 0) {
      found.add(line.id);
      for (let k = at; k < at + phrase.length; k++) tokens[k] = null;
      at = findPhrase(tokens as string[], phrase, at + phrase.length);
    }
  }
  return found;
}

/** Category of a product line (e.g. `fortios` → "firewall"), if the alias data gives one. */
export function findLineCategory(table: AliasTable, vendorId: string, lineId: string): string | undefined {
  return table.linesByVendor.get(vendorId)?.find((l) => l.id === lineId)?.category;
}

/** Device categories ("router", "nas", …) named in a text. */
export function findCategories(table: AliasTable, text: string): Set<string> {
  const tokens = tokeniseText(text);
  const found = new Set<string>();
  for (const category of table.categories) {
    if (category.phrases.some((p) => findPhrase(tokens, p) >= 0)) found.add(category.id);
  }
  return found;
}

/** The product line `lineId` of `vendorId`, with its CPE products and version scheme. */
export function findProductLine(
  table: AliasTable,
  vendorId: string,
  lineId: string,
): ProductLine | undefined {
  return table.linesByVendor.get(vendorId)?.find((l) => l.id === lineId);
}
