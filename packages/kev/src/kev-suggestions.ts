import type { KevCatalog } from "./kev-types";

const cache = new WeakMap<KevCatalog, { name: string; products: string[] }[]>();

/**
 * Vendor and product names as the KEV catalogue writes them, for the device form's suggestions: what a person
 * picks there lands on a product the data knows. Most-listed vendors first; products by name.
 */
export function listKevSuggestions(catalog: KevCatalog): { name: string; products: string[] }[] {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const byVendor = new Map<string, { count: number; products: Set<string> }>();
  for (const v of catalog.vulnerabilities) {
    const name = v.vendorProject.trim();
    const entry = byVendor.get(name) ?? { count: 0, products: new Set<string>() };
    entry.count++;
    // "Multiple Products" names no product a person could own.
    if (!/^multiple\b/i.test(v.product.trim())) entry.products.add(v.product.trim());
    byVendor.set(name, entry);
  }
  const list = [...byVendor.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([name, e]) => ({ name, products: [...e.products].sort((a, b) => a.localeCompare(b)) }));
  cache.set(catalog, list);
  return list;
}
