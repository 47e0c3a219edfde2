import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { pgArray } from "../store/pg-array";
import { type LaneRefusal, refuse, type UnconfirmedLaneLimits } from "./unconfirmed-lane-limits";

type Usage = { reports: number; bytes: number };

/**
 * The stored quotas of the unconfirmed lane, applied inside the batch's transaction: what each
 * pending key has stored so far and what all pending keys have, read in one statement; then each
 * item of a pending key is admitted in order or refused (per key → 429, global → 503).
 */
export class PendingQuota {
  private constructor(
    private readonly limits: UnconfirmedLaneLimits,
    private readonly perKey: Map<string, Usage>,
    private readonly total: Usage & { keys: number },
  ) {}

  static async load(tx: Db, limits: UnconfirmedLaneLimits, keyIds: string[]): Promise<PendingQuota> {
    const result = (await tx.execute(sql`
      SELECT id::text AS id, pending_reports AS reports, pending_bytes::float8 AS bytes, NULL::int AS keys
        FROM hub_org_keys WHERE id = ANY(${pgArray(keyIds)}::uuid[])
      UNION ALL
      SELECT NULL, COALESCE(sum(pending_reports), 0)::int, COALESCE(sum(pending_bytes), 0)::float8, count(*)::int
        FROM hub_org_keys WHERE status = 'pending'`)) as unknown as {
      rows: { id: string | null; reports: number; bytes: number; keys: number | null }[];
    };
    const perKey = new Map<string, Usage>();
    let total = { reports: 0, bytes: 0, keys: 0 };
    for (const r of result.rows) {
      if (r.id) perKey.set(r.id, { reports: Number(r.reports), bytes: Number(r.bytes) });
      else total = { reports: Number(r.reports), bytes: Number(r.bytes), keys: Number(r.keys) };
    }
    return new PendingQuota(limits, perKey, total);
  }

  /** Pending keys counted before this batch's enrolments: how many new keys may still enrol. */
  static async enrolmentRoom(tx: Db, limits: UnconfirmedLaneLimits): Promise<number> {
    const result = (await tx.execute(
      sql`SELECT count(*)::int AS n FROM hub_org_keys WHERE status = 'pending'`,
    )) as unknown as { rows: { n: number }[] };
    return Math.max(0, limits.pendingKeys - Number(result.rows[0]?.n ?? 0));
  }

  /** Admits one report of `bytes` for a pending key, or says why not. */
  admit(keyId: string, bytes: number): LaneRefusal | null {
    const mine = this.perKey.get(keyId) ?? { reports: 0, bytes: 0 };
    if (mine.reports + 1 > this.limits.keyReports || mine.bytes + bytes > this.limits.keyBytes)
      return refuse.keyQuota(3600);
    if (
      this.total.reports + 1 > this.limits.pendingReports ||
      this.total.bytes + bytes > this.limits.pendingBytes
    )
      return refuse.full();
    mine.reports++;
    mine.bytes += bytes;
    this.perKey.set(keyId, mine);
    this.total.reports++;
    this.total.bytes += bytes;
    return null;
  }
}

/** Adds what a batch stored for pending keys to their counters (one statement). */
export async function recordPendingUsage(tx: Db, stored: Map<string, Usage>) {
  if (stored.size === 0) return;
  const ids = [...stored.keys()];
  await tx.execute(sql`
    UPDATE hub_org_keys k SET pending_reports = k.pending_reports + u.reports, pending_bytes = k.pending_bytes + u.bytes
      FROM unnest(${pgArray(ids)}::uuid[], ${pgArray(ids.map((i) => String(stored.get(i)!.reports)))}::int[],
                  ${pgArray(ids.map((i) => String(stored.get(i)!.bytes)))}::bigint[]) AS u(id, reports, bytes)
     WHERE k.id = u.id`);
}
