import {
  type AliasTable,
  findBrandVendor,
  findCategories,
  findLineCategory,
  findProductLine,
  findProductLines,
  loadShippedAliasTable,
  resolveVendorIds,
} from "./alias-table";
import { describeWeaknesses } from "./cwe-labels";
import { identifyingTokens, type PreparedEntry, prepareEntry } from "./entry-features";
import type { KevCatalog, KevDevice, KevMatch, KevMatchResult } from "./kev-types";
import { findPhrase, tokeniseText } from "./normalise-name";
import { type KevRanges, loadShippedKevRanges, lookupRanges } from "./ranges/kev-ranges";
import { deviceCpeProducts, judgeByRanges } from "./ranges/range-verdict";

interface PreparedCatalog {
  byVendor: Map<string, PreparedEntry[]>;
  byCve: Map<string, PreparedEntry>;
}

const prepared = new WeakMap<KevCatalog, PreparedCatalog>();

function prepareCatalog(table: AliasTable, catalog: KevCatalog): PreparedCatalog {
  const cached = prepared.get(catalog);
  if (cached) return cached;
  const byVendor = new Map<string, PreparedEntry[]>();
  const byCve = new Map<string, PreparedEntry>();
  for (const entry of catalog.vulnerabilities) {
    const p = prepareEntry(table, entry);
    byCve.set(entry.cveID, p);
    for (const vendorId of p.vendorIds) {
      const list = byVendor.get(vendorId) ?? [];
      list.push(p);
      byVendor.set(vendorId, list);
    }
  }
  const result = { byVendor, byCve };
  prepared.set(catalog, result);
  return result;
}

/**
 * Vendor ids of the device. A vendor field that names no vendor Sonae knows (empty, or a product name such as
 * "FortiGate") falls back to vendor and brand names in the whole description.
 */
export function deviceVendorIds(
  table: AliasTable,
  device: KevDevice,
  catalogVendors: ReadonlyMap<string, unknown>,
): { ids: string[]; productText: string } {
  const given = device.vendor.trim() ? resolveVendorIds(table, device.vendor) : [];
  if (
    given.some((id) => table.vendorByName.has(id) || table.linesByVendor.has(id) || catalogVendors.has(id))
  ) {
    return { ids: given, productText: device.product };
  }
  // "Veritas Technologies LLC" → the catalogue's "veritas": a catalogue vendor name inside the vendor field.
  const vendorTokens = tokeniseText(device.vendor);
  const inCatalog = [...catalogVendors.keys()]
    .filter((id) => id.replaceAll(" ", "").length >= 4 && findPhrase(vendorTokens, id.split(" ")) >= 0)
    .sort((a, b) => b.length - a.length)[0];
  if (inCatalog) return { ids: [inCatalog], productText: device.product };
  const text = `${device.vendor} ${device.product}`;
  const tokens = tokeniseText(text);
  const named = table.vendorPhrases.find(
    (p) => p.tokens.join("").length >= 3 && findPhrase(tokens, p.tokens) >= 0,
  );
  const inferred = named?.id ?? findBrandVendor(table, text);
  // The vendor field then belongs to the product description ("FortiGate" + "60F").
  return { ids: inferred ? [...new Set([inferred, ...given])] : given, productText: text.trim() };
}

// Model numbers such as "DNS-320L", "TL-WR841N", "Vigor2960", "RV340" (letters, optional hyphen, ≥ 2 digits).
const MODEL = /\b[a-z]{1,6}-?\d{2,5}[a-z]{0,3}\b/gi;
const modelsIn = (text: string) =>
  new Set((text.match(MODEL) ?? []).map((m) => m.replace("-", "").toLowerCase()));

/** What is known about the device's product for one candidate vendor, computed once per match call. */
export interface DeviceFeatures {
  lines: Set<string>;
  categories: Set<string>;
  tokens: string[];
  models: Set<string>;
  cloudService: boolean;
}

export function describeDevice(table: AliasTable, vendorId: string, device: KevDevice): DeviceFeatures {
  const lines = findProductLines(table, vendorId, device.product);
  const categories = findCategories(table, device.product);
  if (device.type) categories.add(device.type);
  for (const line of lines) {
    const category = findLineCategory(table, vendorId, line);
    if (category) categories.add(category);
  }
  const vendorTokens = new Set([...tokeniseText(vendorId), ...tokeniseText(device.vendor)]);
  return {
    lines,
    categories,
    tokens: identifyingTokens(table, device.product, vendorTokens),
    models: modelsIn(device.product),
    cloudService: CLOUD_SERVICE.test(device.product),
  };
}

/**
 * A generic entry ("D-Link | Multiple NAS Devices") whose description lists the affected models covers only
 * those models: a DNS-320 is not a DNS-320L. Devices without a model number, or entries listing none, pass.
 */
function isModelCompatible(device: DeviceFeatures, entry: PreparedEntry): boolean {
  const entryModels = modelsIn(entry.entry.shortDescription);
  if (device.models.size === 0 || entryModels.size === 0) return true;
  return [...device.models].some((m) => entryModels.has(m));
}

// Vendor-operated cloud services ("Exchange Online", "Microsoft 365", "Apex One as a Service"): KEV entries
// about the on-premises product do not apply unless the entry names the service form too.
const CLOUD_SERVICE = /\b(?:online|365|saas|as a service)\b/i;

/** Why an entry applies to the device's product, or null when it does not. */
export function matchProduct(vendorId: string, device: DeviceFeatures, entry: PreparedEntry): string | null {
  if (device.cloudService && !CLOUD_SERVICE.test(`${entry.entry.product} ${entry.entry.shortDescription}`)) {
    return null;
  }
  const entryLines = entry.lines.get(vendorId) ?? new Set<string>();
  for (const line of device.lines) if (entryLines.has(line)) return `alias:${line}`;
  // "Cisco | VPN Routers" names no product line: it covers every router of that vendor that Sonae cannot place
  // in a known line (an ISR on IOS XE is not taken for one, an RV340 is).
  if (entryLines.size === 0 && device.lines.size === 0 && isModelCompatible(device, entry)) {
    for (const category of entry.categories) {
      if (device.categories.has(category)) return `category:${category}`;
    }
  }
  if (device.lines.size > 0 || entryLines.size > 0 || device.tokens.length === 0) return null;
  if (!isModelCompatible(device, entry)) return null;
  // Neither side is in the alias data: compare identifying tokens ("RV340" against "RV160, RV260, RV340").
  const part = entry.parts.find((p) => isSameProduct(device.tokens, p));
  if (!part) return null;
  // A product field that only names a family ("Zoho | ManageEngine") is narrowed by the description's
  // subject ("Zoho ManageEngine ADSelfService Plus contains …"): it must name the device's product too.
  // Only subjects that refine the matched part count ("Windows Server 2003 R2 contains … in IIS 6.0" does not).
  const refining = entry.subjectParts.filter((p) => part.every((t) => p.includes(t)));
  if (refining.length > 0 && !refining.some((p) => isSameProduct(device.tokens, p))) return null;
  return `tokens:${part.join(" ")}`;
}

/** One token list contains the other: "Backup Replication" ⊆ "Veeam Backup Replication 12", "Confluence" ⊆ "Confluence Server". */
function isSameProduct(deviceTokens: readonly string[], part: readonly string[]): boolean {
  const deviceSet = new Set(deviceTokens);
  const partSet = new Set(part);
  return part.every((t) => deviceSet.has(t)) || deviceTokens.every((t) => partSet.has(t));
}

/** The vendor advisory in the entry's notes: the first link that is not NVD's own page. */
function advisoryOf(notes: string | undefined): string | null {
  const urls = (notes ?? "").match(/https?:\/\/[^\s;]+/g) ?? [];
  return urls.find((u) => !u.includes("nvd.nist.gov")) ?? urls[0] ?? null;
}

export interface MatchContext {
  table: AliasTable;
  ranges: KevRanges;
  vendorId: string;
}

export function toMatch(
  device: KevDevice,
  productText: string,
  p: PreparedEntry,
  matchedBy: string,
  ctx: MatchContext,
): KevMatch {
  const e = p.entry;
  const lineId = /^(?:alias|nvd):(.+)$/.exec(matchedBy)?.[1];
  const line = lineId ? findProductLine(ctx.table, ctx.vendorId, lineId) : undefined;
  const judged = judgeByRanges(lookupRanges(ctx.ranges, e.cveID), line, {
    productText,
    version: device.version,
  });
  return {
    cveID: e.cveID,
    vendorProject: e.vendorProject.trim(),
    product: e.product.trim(),
    vulnerabilityName: e.vulnerabilityName,
    dateAdded: e.dateAdded,
    dueDate: e.dueDate,
    knownRansomwareCampaignUse: e.knownRansomwareCampaignUse ?? "Unknown",
    requiredAction: e.requiredAction,
    versionVerdict: judged.verdict,
    reason: judged.basis,
    basis: judged.basisData,
    fixedVersion: judged.fixedVersion,
    weaknesses: describeWeaknesses(e.cwes),
    advisoryUrl: advisoryOf(e.notes),
    matchedBy,
  };
}

const VERDICT_ORDER = { affected: 0, "version-unknown": 1, "not-affected-by-version": 2 } as const;

/** Affected first, then unknown, then not affected; within each the newest KEV addition first. */
export function compareMatches(a: KevMatch, b: KevMatch): number {
  return (
    VERDICT_ORDER[a.versionVerdict] - VERDICT_ORDER[b.versionVerdict] ||
    b.dateAdded.localeCompare(a.dateAdded) ||
    a.cveID.localeCompare(b.cveID)
  );
}

/**
 * KEV entries that apply to a device: same vendor (aliases and katakana names resolved), same product line
 * (aliases such as FortiGate → FortiOS) or, for products Sonae has no alias for, the same identifying
 * words. Each match carries a version verdict; a product match is never dropped for an unknown version.
 * Affected first, then unknown, then not affected (see {@link compareMatches}).
 */
export function matchDevice(
  device: KevDevice,
  catalog: KevCatalog,
  table = loadShippedAliasTable(),
  ranges: KevRanges = loadShippedKevRanges(),
): KevMatchResult {
  const { byVendor, byCve } = prepareCatalog(table, catalog);
  const matches = new Map<string, KevMatch>();
  const { ids, productText } = deviceVendorIds(table, device, byVendor);
  const described = { ...device, product: productText };
  for (const vendorId of ids) {
    const features = describeDevice(table, vendorId, described);
    for (const entry of byVendor.get(vendorId) ?? []) {
      if (matches.has(entry.entry.cveID)) continue;
      const why = matchProduct(vendorId, features, entry);
      if (why) {
        matches.set(entry.entry.cveID, toMatch(device, productText, entry, why, { table, ranges, vendorId }));
      }
    }
    // KEV names one product per entry ("FortiOS"), NVD every product the flaw is in ("FortiOS, FortiProxy"):
    // entries whose NVD record names the device's product apply too.
    for (const lineId of features.cloudService ? [] : features.lines) {
      const line = findProductLine(table, vendorId, lineId);
      if (!line) continue;
      for (const cpe of deviceCpeProducts(line, productText)) {
        for (const cve of ranges.cvesByProduct.get(cpe) ?? []) {
          const entry = byCve.get(cve);
          if (!entry || matches.has(cve)) continue;
          matches.set(cve, toMatch(device, productText, entry, `nvd:${lineId}`, { table, ranges, vendorId }));
        }
      }
    }
  }
  return {
    device,
    matches: [...matches.values()].sort(compareMatches),
    catalog: { version: catalog.catalogVersion, dateReleased: catalog.dateReleased, source: catalog.source },
  };
}
