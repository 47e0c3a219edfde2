/** FNV-1a of a string: 4 bytes stand for a record's fingerprint. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

/** Ids further than this past the first one go to a map instead of the array. */
const MAX_SPAN = 1 << 26;

/**
 * Which live records of one EVTX file exist, with a fingerprint of each (the caller's: write time,
 * event time, event id), in about 4 bytes per record (record ids of a file are nearly
 * contiguous): enough to tell a slack-space record that is only a stale copy of a live one from
 * one that was really deleted or overwritten, without keeping the live events themselves.
 */
export class LiveRecordIndex {
  private base = -1;
  private times = new Uint32Array(1024);
  private readonly outliers = new Map<number, number>();

  add(recordId: number, fingerprint: string): void {
    if (this.base < 0) this.base = recordId;
    const slot = recordId - this.base;
    if (slot < 0 || slot >= MAX_SPAN) {
      this.outliers.set(recordId, hash32(fingerprint));
      return;
    }
    if (slot >= this.times.length) {
      const grown = new Uint32Array(Math.min(MAX_SPAN, Math.max(slot + 1, this.times.length * 2)));
      grown.set(this.times);
      this.times = grown;
    }
    this.times[slot] = hash32(fingerprint);
  }

  /** True when a live record has this id and this fingerprint. */
  hasCopy(recordId: number, fingerprint: string): boolean {
    const slot = recordId - this.base;
    const stored =
      this.base >= 0 && slot >= 0 && slot < this.times.length
        ? this.times[slot]
        : this.outliers.get(recordId);
    return stored !== undefined && stored !== 0 && stored === hash32(fingerprint);
  }
}
