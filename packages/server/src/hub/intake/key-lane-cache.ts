import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";

type KeyStatus = "pending" | "active" | "revoked";
const REFRESH_MS = 5_000;

/**
 * Which lane a key's submissions take, decided in memory: the fingerprints of every key the hub
 * knows with its status, reloaded at most every 5 s (one indexed scan of hub_org_keys). A key
 * confirmed in this process is seen at once (`forgetKeyLanes`); in another process within 5 s.
 * The batch writer still reads the key in its transaction, so a stale entry never lets a revoked
 * key through — it only picks the lane.
 */
class KeyLaneCache {
  private statuses = new Map<string, KeyStatus>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  /** Bumped when a key's status changes here: room in the unconfirmed lane may have appeared. */
  epoch = 0;

  constructor(private readonly db: Db) {}

  async statusOf(fingerprint: string): Promise<KeyStatus | undefined> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.reload();
    return this.statuses.get(fingerprint);
  }

  /** A key enrolled by this process's writer: pending from now on (no reload needed). */
  noteEnrolled(fingerprint: string) {
    if (!this.statuses.has(fingerprint)) this.statuses.set(fingerprint, "pending");
  }

  invalidate() {
    this.loadedAt = 0;
    this.epoch++;
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const result = (await this.db.execute(
          sql`SELECT fingerprint, status FROM hub_org_keys`,
        )) as unknown as { rows: { fingerprint: string; status: KeyStatus }[] };
        this.statuses = new Map(result.rows.map((r) => [r.fingerprint, r.status]));
        this.loadedAt = Date.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}

const caches = new WeakMap<Db, KeyLaneCache>();

export function keyLanes(db: Db): KeyLaneCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new KeyLaneCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/** After a key's status changed (confirmed, revoked): the next submission re-reads the keys. */
export function forgetKeyLanes(db: Db) {
  caches.get(db)?.invalidate();
}
