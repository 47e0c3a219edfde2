import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { confusableSkeleton } from "./idn-analysis";

/** content/phishing/brands.yaml: brands spoofed against people in Japan, written from public knowledge. */
export const BRANDS_FILE = path.resolve(import.meta.dirname, "../../../content/phishing/brands.yaml");

const ZWord = z.string().regex(/^[a-z0-9]+$/, "lower-case letters and digits only");
const ZDomain = z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, "an ASCII domain name");

export const ZBrand = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    sector: z.enum([
      "bank",
      "card",
      "securities",
      "ecommerce",
      "payment",
      "platform",
      "telecom",
      "logistics",
      "transport",
      "utility",
      "government",
    ]),
    name: z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict(),
    domains: z.array(ZDomain).min(1),
    keywords: z.array(ZWord.min(4)).default([]),
    tokens: z.array(ZWord.max(8)).default([]),
    aliases: z.array(z.string().min(2)).default([]),
  })
  .strict();
export type TBrand = z.infer<typeof ZBrand>;

export const ZBrandCatalogue = z
  .object({
    suspiciousTlds: z.array(z.string().regex(/^[a-z0-9-]+$/)),
    credentialWords: z.array(ZWord),
    freeHostingSuffixes: z.array(ZDomain),
    brands: z.array(ZBrand).min(1),
  })
  .strict()
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    for (const brand of catalogue.brands) {
      if (seen.has(brand.id)) ctx.addIssue({ code: "custom", message: `duplicate brand id ${brand.id}` });
      seen.add(brand.id);
    }
  });
export type TBrandCatalogue = z.infer<typeof ZBrandCatalogue>;

/** Lower-case letters and digits only: "SMBC-Card.example" → "smbccardexample". */
export function compactText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** For matching names in page titles: NFKC (full-width → ASCII), lower case, no spaces. */
export function foldName(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** The catalogue compiled for lookups. */
export interface BrandIndex {
  catalogue: TBrandCatalogue;
  byId: Map<string, TBrand>;
  /** Official domain → brand, for the "is this the brand's own site" question. */
  officialDomains: Map<string, TBrand>;
  /** Keywords longest first, each with its UTS #39 skeleton (computed once: the skeleton look-up is costly). */
  keywords: { word: string; skeleton: string; brand: TBrand }[];
  tokens: Map<string, TBrand>;
  /** Folded aliases and names, longest first, for titles and reported brand names. */
  names: { folded: string; brand: TBrand }[];
  suspiciousTlds: Set<string>;
  credentialWords: string[];
  freeHosting: Set<string>;
}

export function compileBrandCatalogue(catalogue: TBrandCatalogue): BrandIndex {
  const officialDomains = new Map<string, TBrand>();
  const keywords: { word: string; skeleton: string; brand: TBrand }[] = [];
  const tokens = new Map<string, TBrand>();
  const names: { folded: string; brand: TBrand }[] = [];
  for (const brand of catalogue.brands) {
    for (const d of brand.domains) officialDomains.set(d, brand);
    for (const word of brand.keywords) keywords.push({ word, skeleton: confusableSkeleton(word), brand });
    for (const token of brand.tokens) tokens.set(token, brand);
    for (const name of new Set([brand.name.ja, brand.name.en, ...brand.aliases]))
      names.push({ folded: foldName(name), brand });
  }
  keywords.sort((a, b) => b.word.length - a.word.length);
  names.sort((a, b) => b.folded.length - a.folded.length);
  return {
    catalogue,
    byId: new Map(catalogue.brands.map((b) => [b.id, b])),
    officialDomains,
    keywords,
    tokens,
    names,
    suspiciousTlds: new Set(catalogue.suspiciousTlds),
    credentialWords: catalogue.credentialWords,
    freeHosting: new Set(catalogue.freeHostingSuffixes),
  };
}

/** Reads and validates a catalogue file; a bad file stops the load naming the field. */
export function loadBrandCatalogue(file = BRANDS_FILE): BrandIndex {
  const parsed = ZBrandCatalogue.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`brand catalogue ${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return compileBrandCatalogue(parsed.data);
}

let shipped: BrandIndex | null = null;

/** The shipped catalogue, read once. */
export function shippedBrandIndex(): BrandIndex {
  shipped ??= loadBrandCatalogue();
  return shipped;
}

/**
 * The brand whose own domain `host` is on (longest suffix wins: jp-bank.japanpost.jp is Japan Post Bank,
 * post.japanpost.jp is Japan Post), with the matching domain.
 */
export function findOfficialBrand(index: BrandIndex, host: string): { brand: TBrand; domain: string } | null {
  const labels = host.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join(".");
    const brand = index.officialDomains.get(suffix);
    if (brand) return { brand, domain: suffix };
  }
  return null;
}

/** The user-content hosting suffix `host` is under (web.app, s3 on amazonaws.com…), if any. */
export function findHostingSuffix(index: BrandIndex, host: string): string | null {
  const labels = host.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join(".");
    if (index.freeHosting.has(suffix)) return suffix;
  }
  return null;
}
