import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Noto Sans JP TTF (OFL-1.1). TTF, not WOFF2: pdfkit embeds WOFF2 glyphs invisibly (STACK.md).
 * Only Regular and Bold are used; pdfkit subsets what is embedded, so a PDF stays small.
 */
function resolveFont(file: string): string {
  const pkgDir = path.dirname(require.resolve("@expo-google-fonts/noto-sans-jp/package.json"));
  return path.join(pkgDir, file);
}

let cache: { regular: Buffer; bold: Buffer } | undefined;

/** Loads the two font files once per process (5.5 MB each). */
export function loadJapaneseFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: readFileSync(resolveFont("400Regular/NotoSansJP_400Regular.ttf")),
    bold: readFileSync(resolveFont("700Bold/NotoSansJP_700Bold.ttf")),
  };
  return cache;
}
