import { AppError } from "@sonae/core";
import { type Db, hubUrlFeeds, type hubUrlPartners } from "@sonae/db";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { type FeedEntry, type FeedMeta, renderFeedCsv, renderFeedStix, renderFeedText } from "./feed-render";

type Partner = typeof hubUrlPartners.$inferSelect;
export type FeedFormat = "txt" | "csv" | "stix";
/** Changes per answer; `x-sonae-more: 1` tells the consumer to ask again from the returned cursor. */
export const FEED_PAGE = 50_000;

type Raw = {
  cursor: number | string;
  change: "added" | "withdrawn";
  canonical: string;
  sha256: string;
  host: string;
  category: string;
  brand_id: string | null;
  reason: string | null;
  first_seen: Date | string;
  at: Date | string;
};
const entryOf = (r: Raw): FeedEntry => ({
  cursor: Number(r.cursor),
  change: r.change,
  canonical: r.canonical,
  sha256: r.sha256,
  host: r.host,
  category: r.category,
  brandId: r.brand_id,
  reason: r.reason,
  firstSeen: new Date(r.first_seen),
  at: new Date(r.at),
});

/** The feed if granted to the partner; a feed not granted is answered as unknown (404). */
async function grantedFeed(db: Db, partner: Partner, name: string) {
  const [feed] = await db.select().from(hubUrlFeeds).where(eq(hubUrlFeeds.name, name)).limit(1);
  if (!feed || !partner.feeds.includes(name)) throw new AppError("NOT_FOUND");
  return feed;
}

/**
 * Full feed: every URL listed now (confirmed, in the feed's categories, not warning-listed), with
 * the cursor to ask for changes from. Read in one REPEATABLE READ snapshot so the list and the
 * cursor agree. Changes: the log after `since` (added and withdrawn), or withdrawals only.
 */
async function readFeed(
  db: Db,
  categories: string[],
  since: number | null,
  mode: FeedMeta["mode"],
): Promise<{ entries: FeedEntry[]; cursor: number; more: boolean }> {
  const cats = `{${categories.join(",")}}`;
  return db.transaction(
    async (tx) => {
      const [top] = (
        (await tx.execute(
          sql`SELECT coalesce(max(cursor), 0) AS c FROM hub_url_feed_changes`,
        )) as unknown as {
          rows: { c: number | string }[];
        }
      ).rows;
      const head = Number(top?.c ?? 0);
      if (mode === "full") {
        const res = (await tx.execute(sql`
          SELECT ${head}::bigint AS cursor, 'added' AS change, canonical, sha256, host, category, brand_id,
            NULL AS reason, first_seen, coalesce(verdict_at, last_seen) AS at
          FROM hub_phish_urls
          WHERE state = 'confirmed' AND NOT warning_listed AND category = ANY(${cats}::text[])
          ORDER BY id`)) as unknown as { rows: Raw[] };
        return { entries: res.rows.map(entryOf), cursor: head, more: false };
      }
      const res = (await tx.execute(sql`
        SELECT c.cursor, c.change, u.canonical, u.sha256, u.host, c.category, u.brand_id, c.reason, u.first_seen, c.at
        FROM hub_url_feed_changes c JOIN hub_phish_urls u ON u.id = c.url_id
        WHERE c.cursor > ${since ?? 0} AND c.category = ANY(${cats}::text[]) AND NOT u.warning_listed
          ${mode === "withdrawals" ? sql`AND c.change = 'withdrawn'` : sql``}
        ORDER BY c.cursor LIMIT ${FEED_PAGE + 1}`)) as unknown as { rows: Raw[] };
      const more = res.rows.length > FEED_PAGE;
      const entries = res.rows.slice(0, FEED_PAGE).map(entryOf);
      return {
        entries,
        cursor: more ? entries[entries.length - 1]!.cursor : Math.max(head, since ?? 0),
        more,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export type FeedAnswer = { body: string; contentType: string; cursor: number; more: boolean };

/** A consumer's pull of one feed; every pull is audited (who, feed, format, cursor, entries). */
export async function pullFeed(
  db: Db,
  ctx: RequestContext,
  partner: Partner,
  name: string,
  format: FeedFormat,
  since: number | null,
  withdrawalsOnly: boolean,
): Promise<FeedAnswer> {
  const feed = await grantedFeed(db, partner, name);
  const mode: FeedMeta["mode"] = withdrawalsOnly ? "withdrawals" : since === null ? "full" : "changes";
  const { entries, cursor, more } = await readFeed(db, feed.categories, since, mode);
  await recordAudit(db, ctx, {
    type: "hub.url_feed_pulled",
    partnerId: partner.id,
    feed: name,
    format,
    since,
    entries: entries.length,
    cursor,
  });
  const meta: FeedMeta = { feed: name, cursor, since, generatedAt: new Date(), mode };
  if (format === "csv")
    return { body: renderFeedCsv(meta, entries), contentType: "text/csv; charset=utf-8", cursor, more };
  if (format === "stix")
    return {
      body: JSON.stringify(renderFeedStix(meta, entries)),
      contentType: "application/stix+json;version=2.1",
      cursor,
      more,
    };
  return { body: renderFeedText(meta, entries), contentType: "text/plain; charset=utf-8", cursor, more };
}
