import { type Db, hubUrlFeeds } from "@sonae/db";

/** The vendor feeds a hub starts with; the national unit may add more. */
export const STARTING_URL_FEEDS = [
  {
    name: "all",
    titleJa: "全カテゴリ(フィッシング・偽ショップ・サポート詐欺・その他)",
    titleEn: "All categories (phishing, fake shops, support scams, other)",
    categories: ["phishing", "fake_shop", "support_scam", "other"],
  },
  { name: "phishing", titleJa: "フィッシングサイト", titleEn: "Phishing sites", categories: ["phishing"] },
  {
    name: "fake-shop",
    titleJa: "偽ショッピングサイト",
    titleEn: "Fake shopping sites",
    categories: ["fake_shop"],
  },
];

/**
 * Seeds the starting feeds on hub start; idempotent. Not in a migration: a migrated database must
 * stay empty, or a backup could not be restored into it.
 */
export async function seedUrlFeeds(db: Pick<Db, "insert">): Promise<number> {
  const added = await db
    .insert(hubUrlFeeds)
    .values(STARTING_URL_FEEDS)
    .onConflictDoNothing()
    .returning({ name: hubUrlFeeds.name });
  return added.length;
}
