/**
 * Fixed-window counters in memory (per IP, per key). Bounded: past `maxEntries` the expired
 * windows are dropped, and if all are live the oldest half goes (an attacker rotating addresses
 * then meets the lane's global caps instead of growing this map).
 */
export class WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** Counts one attempt; returns the seconds to wait when the limit is passed, else 0. */
  hit(key: string, limit: number, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= this.maxEntries) this.prune(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > limit ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  }

  private prune(now: number) {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    if (this.windows.size < this.maxEntries) return;
    let drop = Math.floor(this.windows.size / 2);
    for (const k of this.windows.keys()) {
      if (drop-- <= 0) break;
      this.windows.delete(k);
    }
  }
}
