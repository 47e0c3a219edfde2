const ATTR =
  /\b(?:src|href|action|poster|srcset|data|formaction|background|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const STYLE_ATTR = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function scanCss(css: string, found: string[]): void {
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi))
    found.push(m[1] ?? m[2] ?? m[3] ?? "");
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"');\s]+)/gi)) found.push(m[1] ?? "");
}

/**
 * Lists every reference in an HTML string that would make a browser fetch something: URL-bearing
 * attributes inside tags, and CSS url(...) / @import inside <style> elements and style attributes.
 * Escaped text (`&lt;img src=...`) is not markup and is not reported. Only data: URIs and in-page
 * anchors (#id) count as self-contained.
 */
export function findExternalReferences(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    for (const m of tag.matchAll(ATTR)) found.push(m[1] ?? m[2] ?? m[3] ?? "");
    for (const m of tag.matchAll(STYLE_ATTR)) scanCss(m[1] ?? m[2] ?? "", found);
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) scanCss(m[1] ?? "", found);
  return found.filter((ref) => !/^data:/i.test(ref.trim()) && !ref.trim().startsWith("#"));
}
