import { type AliasTable, findCategories, findProductLines, resolveVendorIds } from "./alias-table";
import type { KevVulnerability } from "./kev-types";
import { findPhrase, tokeniseText } from "./normalise-name";

/**
 * Words that say nothing about which product is meant. Dropped before comparing product tokens so that
 * "Jira Server" does not match the "Server" part of "Confluence Data Center and Server".
 */
export const NON_IDENTIFYING_WORDS = new Set([
  "multiple",
  "products",
  "product",
  "devices",
  "device",
  "series",
  "software",
  "firmware",
  "appliance",
  "appliances",
  "and",
  "or",
  "the",
  "for",
  "of",
  "system",
  "systems",
  "edition",
  "server",
  "servers",
  "data",
  "center",
  "centre",
  "version",
  "versions",
  "os",
  "on",
]);

/** A catalogue entry with its matching features computed once per catalogue. */
export interface PreparedEntry {
  entry: KevVulnerability;
  vendorIds: string[];
  /** Product lines per vendor id (alias data), from the product field and, for generic entries, the text. */
  lines: Map<string, Set<string>>;
  /** Device categories of a generic entry ("Multiple Firewalls" → firewall); empty otherwise. */
  categories: Set<string>;
  /** Identifying tokens of each part of the product field ("RV160, RV260, and RV340 Routers" → 3 parts). */
  parts: string[][];
  /** Identifying tokens of the products the description names as its subject ("Zoho ManageEngine PAM360, …"). */
  subjectParts: string[][];
}

/** Splits "A, B, and C" into its parts. */
function splitProductParts(product: string): string[] {
  return product.split(/,|\band\b|\/|&/i).filter((p) => p.trim().length > 0);
}

const categoryWordsOf = new WeakMap<AliasTable, Set<string>>();

/** Identifying tokens: not a filler word, not a category word, not the vendor's own name. */
export function identifyingTokens(
  table: AliasTable,
  text: string,
  vendorTokens: ReadonlySet<string>,
): string[] {
  let categoryWords = categoryWordsOf.get(table);
  if (!categoryWords) {
    categoryWords = new Set(table.categories.flatMap((c) => c.phrases.flat()));
    categoryWordsOf.set(table, categoryWords);
  }
  return tokeniseText(text).filter(
    (t) => !NON_IDENTIFYING_WORDS.has(t) && !categoryWords.has(t) && !vendorTokens.has(t),
  );
}

/** Computes the matching features of one KEV entry. */
export function prepareEntry(table: AliasTable, entry: KevVulnerability): PreparedEntry {
  const vendorIds = resolveVendorIds(table, entry.vendorProject);
  // "Arcadyan | Buffalo Firmware": the product field names a second vendor whose devices are affected.
  const productTokens = tokeniseText(entry.product);
  for (const phrase of table.vendorPhrases) {
    if (phrase.tokens.join("").length >= 4 && findPhrase(productTokens, phrase.tokens) >= 0) {
      if (!vendorIds.includes(phrase.id)) vendorIds.push(phrase.id);
    }
  }
  const vendorTokens = new Set(
    vendorIds.flatMap((id) => tokeniseText(id)).concat(tokeniseText(entry.vendorProject)),
  );
  const identifying = identifyingTokens(table, entry.product, vendorTokens);
  const isGeneric = productTokens.includes("multiple") || identifying.length === 0;
  const subjects = descriptionSubjects(entry.shortDescription, entry.vendorProject);
  const override = table.entryProducts.get(entry.cveID);
  const lines = new Map<string, Set<string>>();
  for (const vendorId of vendorIds) {
    const found = override ? new Set(override) : findProductLines(table, vendorId, entry.product);
    if (!override && isGeneric) {
      for (const id of findProductLines(
        table,
        vendorId,
        `${entry.vulnerabilityName} ${entry.shortDescription}`,
      )) {
        found.add(id);
      }
    }
    lines.set(vendorId, found);
  }
  return {
    entry,
    vendorIds,
    lines,
    categories: isGeneric ? findCategories(table, entry.product) : new Set(),
    parts: [...splitProductParts(entry.product), ...(isGeneric ? subjects : [])]
      .map((p) => identifyingTokens(table, p, vendorTokens))
      .filter((p) => p.length > 0),
    subjectParts: subjects.map((p) => identifyingTokens(table, p, vendorTokens)).filter((p) => p.length > 0),
  };
}

/**
 * The products a generic entry's description names as its subject: "VMware Workspace ONE Access, Identity
 * Manager and vRealize Automation contain a …" → three parts. KEV descriptions follow that pattern.
 */
function descriptionSubjects(description: string, vendorProject: string): string[] {
  const subject = description.trim().match(/^([^.]{3,200}?)\s+(?:contains?|allows?|has|have)\b/i)?.[1];
  // Only the catalogue's own template "<Vendor> <Product> contains …" is trusted; free prose is not.
  const vendorWord = tokeniseText(vendorProject)[0];
  if (!subject || !vendorWord || tokeniseText(subject)[0] !== vendorWord) return [];
  return splitProductParts(subject);
}
