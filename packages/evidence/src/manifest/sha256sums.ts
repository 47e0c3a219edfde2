import type { FileRecord } from "./manifest-types";

/**
 * Lines in the format `sha256sum -c` reads: 64 hex digits, two spaces, the path relative to the
 * folder where the bundle was unzipped. Names never hold `\` or newlines (see sanitiseComponent),
 * which sha256sum would otherwise escape.
 */
export function renderSumLines(items: ReadonlyArray<{ sha256: string; name: string }>): string {
  return items.map((item) => `${item.sha256}  ${item.name}\n`).join("");
}

/** The file part of SHA256SUMS, in manifest order. */
export function renderFileSums(files: readonly FileRecord[]): string {
  return renderSumLines(files.map((f) => ({ sha256: f.sha256, name: f.entryName })));
}
