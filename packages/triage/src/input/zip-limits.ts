import { Transform } from "node:stream";
import type { Entry } from "yauzl";

/** Bounds on what triage extracts from one run's ZIP bundles. */
export interface ZipLimits {
  /** Largest single entry, uncompressed. Default 8 GiB (a full Security.evtx is far smaller). */
  maxEntryBytes?: number;
  /** All entries together, uncompressed. Default 32 GiB. */
  maxTotalBytes?: number;
  /** Largest uncompressed/compressed ratio of an entry over 1 MiB. Default 200 (EVTX: ~5–30). */
  maxRatio?: number;
}

const GIB = 1024 ** 3;
/** Small entries may compress better than any ratio (e.g. an empty log): not a bomb. */
const RATIO_FLOOR_BYTES = 1024 ** 2;

/**
 * Keeps the running total of one collection and refuses entries that break a limit, from the
 * declared sizes first and from the bytes actually inflated while extracting (declared sizes can
 * lie; yauzl's validateEntrySizes catches that too, at the end of an entry).
 */
export class ExtractionBudget {
  private readonly maxEntry: number;
  private readonly maxTotal: number;
  private readonly maxRatio: number;
  private total = 0;
  private extracted = 0;

  constructor(limits: ZipLimits) {
    this.maxEntry = limits.maxEntryBytes ?? 8 * GIB;
    this.maxTotal = limits.maxTotalBytes ?? 32 * GIB;
    this.maxRatio = limits.maxRatio ?? 200;
  }

  /** Number for the next extracted file's name (entry names are never used as paths). */
  nextNumber(): number {
    return ++this.extracted;
  }

  /** A reason to skip this entry, or null when it fits (its declared size is then reserved). */
  refuse(entry: Entry): string | null {
    const size = entry.uncompressedSize;
    if (size > this.maxEntry)
      return `展開後 ${size} バイトで上限 ${this.maxEntry} バイトを超えるため展開しません / entry of ${size} bytes exceeds the ${this.maxEntry}-byte limit`;
    if (this.total + size > this.maxTotal)
      return `展開の合計が上限 ${this.maxTotal} バイトを超えるため展開しません / total extracted size would exceed ${this.maxTotal} bytes`;
    if (size > RATIO_FLOOR_BYTES && size > this.maxRatio * Math.max(1, entry.compressedSize))
      return `圧縮率が異常（${Math.round(size / Math.max(1, entry.compressedSize))}:1、上限 ${this.maxRatio}:1）なため展開しません（ZIP 爆弾の疑い） / compression ratio ${Math.round(size / Math.max(1, entry.compressedSize))}:1 exceeds ${this.maxRatio}:1 (possible ZIP bomb)`;
    this.total += size;
    return null;
  }

  /** Counts the inflated bytes of an entry and fails the stream as soon as it outgrows its declaration. */
  meter(entry: Entry): Transform {
    let seen = 0;
    const allowed = Math.min(entry.uncompressedSize, this.maxEntry);
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > allowed)
          done(
            new Error(
              `展開サイズが申告 (${allowed} バイト) を超えました / inflated beyond the declared ${allowed} bytes`,
            ),
          );
        else done(null, chunk);
      },
    });
  }
}
