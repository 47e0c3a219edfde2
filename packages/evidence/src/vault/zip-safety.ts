import yauzl, { type Entry } from "yauzl";
import { EvidenceError } from "../errors/evidence-error";

/** Limits applied to an uploaded bundle before anything is decompressed. */
export interface ZipSafetyLimits {
  maxEntries: number;
  maxTotalUncompressedBytes: number;
  /**
   * Deflate cannot exceed ~1032:1 (RFC 1951 max match 258 bytes per ~2 bits), so a declared ratio
   * above this is a lying header, the usual zip-bomb trick. Real evidence (sparse disk images) sits
   * near 1030:1, hence the margin.
   */
  maxCompressionRatio: number;
}

/**
 * Defaults: generous for evidence, still bounded. 50,000 entries: a 200,000-entry upload took the
 * organisation server 17–31 s to check (issue 16 §3); a collection of that many files is split.
 */
export const DEFAULT_ZIP_LIMITS: ZipSafetyLimits = {
  maxEntries: 50_000,
  maxTotalUncompressedBytes: 2 ** 40,
  maxCompressionRatio: 1100,
};

/**
 * Reads only the central directory (names undecoded, so yauzl's own validation cannot be bypassed
 * or pre-empt ours) and rejects path traversal, absolute names, backslashes, drive letters,
 * overlapping entries and zip-bomb shapes, with a clear error naming the entry.
 */
export async function assertZipIsSafe(
  zipPath: string,
  limits: ZipSafetyLimits = DEFAULT_ZIP_LIMITS,
): Promise<void> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, decodeStrings: false, autoClose: false });
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw bomb(`${zip.entryCount} entries > ${limits.maxEntries}`);
    }
    let total = 0;
    const spans: Array<[number, number]> = [];
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: Entry) => {
        try {
          const name = yauzl.getFileNameLowLevel(
            entry.generalPurposeBitFlag,
            entry.fileName as unknown as Buffer,
            entry.extraFields,
            true, // keep backslashes so they are reported, not silently turned into "/"
          );
          assertSafeEntryName(name);
          total += entry.uncompressedSize;
          if (total > limits.maxTotalUncompressedBytes) {
            throw bomb(`uncompressed total > ${limits.maxTotalUncompressedBytes} bytes`);
          }
          const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
          if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
            throw bomb(`${name}: compression ratio ${Math.round(ratio)}:1 > ${limits.maxCompressionRatio}:1`);
          }
          spans.push([entry.relativeOffsetOfLocalHeader, entry.compressedSize]);
          zip.readEntry();
        } catch (error) {
          reject(error);
        }
      });
      zip.once("end", () => resolve());
      zip.once("error", reject);
      zip.readEntry();
    });
    assertNoOverlap(spans);
  } finally {
    zip.close();
  }
}

/** Throws UNSAFE_ENTRY_NAME for names that could escape the extraction folder on any OS. */
export function assertSafeEntryName(name: string): void {
  const reason =
    name === ""
      ? "empty name"
      : name.includes("\0")
        ? "NUL byte"
        : name.includes("\\")
          ? "backslash"
          : name.startsWith("/")
            ? "absolute path"
            : /^[a-zA-Z]:/.test(name)
              ? "drive letter"
              : name.split("/").some((part) => part === "..")
                ? "parent directory (..)"
                : undefined;
  if (reason) {
    throw new EvidenceError(
      "UNSAFE_ENTRY_NAME",
      {
        ja: `バンドル内に危険なファイル名があります (${reason}): ${JSON.stringify(name)}`,
        en: `Unsafe entry name in the bundle (${reason}): ${JSON.stringify(name)}`,
      },
      { name, reason },
    );
  }
}

// Overlapping entries let one small compressed block expand once per entry (Fifield's
// "non-recursive zip bomb", WOOT 2019); honest archives never share bytes between entries.
function assertNoOverlap(spans: Array<[number, number]>): void {
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1];
    const current = spans[i];
    if (previous && current && current[0] < previous[0] + previous[1]) {
      throw bomb(`entries overlap at offset ${current[0]}`);
    }
  }
}

function bomb(detail: string): EvidenceError {
  return new EvidenceError(
    "ZIP_BOMB",
    {
      ja: `ZIP 爆弾の疑いがあるため受け付けません (${detail})`,
      en: `Rejected as a likely zip bomb (${detail})`,
    },
    { detail },
  );
}
