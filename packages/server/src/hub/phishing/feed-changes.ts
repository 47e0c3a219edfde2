import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { pgArray } from "../store/pg-array";

/**
 * Every writer of the feed change log takes this transaction-scoped advisory lock first, so
 * transactions append their cursors one after another and commit in cursor order: a consumer that
 * has read up to cursor N can never later find a change below N (a bigserial alone does not
 * promise that under concurrent writers).
 */
const FEED_LOG_LOCK = 0x50_48_49_53; // "PHIS"

export type FeedChange = {
  urlId: number;
  change: "added" | "withdrawn";
  category: string;
  reason: string | null;
};

export async function appendFeedChanges(
  tx: Pick<Db, "execute">,
  changes: readonly FeedChange[],
  at = new Date(),
) {
  if (changes.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_LOG_LOCK})`);
  await tx.execute(sql`
    INSERT INTO hub_url_feed_changes (url_id, change, category, reason, at)
    SELECT u, c, cat, r, ${at.toISOString()}::timestamptz
    FROM unnest(${pgArray(changes.map((c) => c.urlId))}::bigint[], ${pgArray(changes.map((c) => c.change))}::text[],
      ${pgArray(changes.map((c) => c.category))}::text[], ${pgArray(changes.map((c) => c.reason))}::text[])
      AS x(u, c, cat, r)`);
}
