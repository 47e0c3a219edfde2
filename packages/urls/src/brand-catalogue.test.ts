import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "tldts";
import { describe, expect, it } from "vitest";
import { findOfficialBrand, loadBrandCatalogue, shippedBrandIndex } from "./brand-catalogue";

function fixture(yaml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "brands-")), "brands.yaml");
  writeFileSync(file, yaml);
  return file;
}

const HEADER = "suspiciousTlds: [top]\ncredentialWords: [login]\nfreeHostingSuffixes: [web.app]\n";

describe("brand catalogue", () => {
  it("ships a valid catalogue in which no official domain belongs to two brands", () => {
    const index = shippedBrandIndex();
    expect(index.catalogue.brands.length).toBeGreaterThan(50);
    const owners = new Map<string, string>();
    for (const b of index.catalogue.brands)
      for (const d of b.domains) {
        expect(owners.get(d), `${d} is listed for ${owners.get(d)} and ${b.id}`).toBeUndefined();
        owners.set(d, b.id);
      }
  });

  it("lists no official domain inside a shared namespace (hosting list or Public Suffix List private section)", () => {
    const index = shippedBrandIndex();
    for (const b of index.catalogue.brands)
      for (const d of b.domains) {
        if (index.freeHosting.has(d)) continue; // listed on purpose: the provider's name, never "official"
        expect(parse(`www.${d}`, { allowPrivateDomains: true }).isPrivate, `${b.id}: ${d}`).toBe(false);
      }
  });

  it("picks the most specific official domain", () => {
    const index = shippedBrandIndex();
    expect(findOfficialBrand(index, "www.jp-bank.japanpost.jp")?.brand.id).toBe("yucho");
    expect(findOfficialBrand(index, "trackings.post.japanpost.jp")?.brand.id).toBe("japan-post");
    expect(findOfficialBrand(index, "japanpost.jp.evil.example")).toBeNull();
  });

  it("rejects a broken file naming the field", () => {
    const bad = fixture(
      `${HEADER}brands:\n  - { id: x, sector: bank, name: { ja: 銀行, en: Bank }, domains: [not a domain] }\n`,
    );
    expect(() => loadBrandCatalogue(bad)).toThrow(/brands\.0\.domains\.0/);
    const dup = fixture(
      `${HEADER}brands:\n  - { id: x, sector: bank, name: { ja: 甲, en: A }, domains: [a.example] }\n  - { id: x, sector: bank, name: { ja: 乙, en: B }, domains: [b.example] }\n`,
    );
    expect(() => loadBrandCatalogue(dup)).toThrow(/duplicate brand id x/);
    const shortKeyword = fixture(
      `${HEADER}brands:\n  - { id: x, sector: bank, name: { ja: 甲, en: A }, domains: [a.example], keywords: [ab] }\n`,
    );
    expect(() => loadBrandCatalogue(shortKeyword)).toThrow(/keywords/);
  });
});
