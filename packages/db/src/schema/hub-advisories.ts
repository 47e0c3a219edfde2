import { index, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { at } from "./column-types";
import { hubUnits } from "./hub";
import { users } from "./users";

/**
 * Advisories (注意喚起) a police unit publishes to organisations and the public. Not encrypted:
 * they are published text by nature. Withdrawn advisories stay (history) but are no longer served.
 */
export const hubAdvisories = pgTable(
  "hub_advisories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: smallint("unit_id")
      .notNull()
      .references(() => hubUnits.id),
    severity: text("severity", { enum: ["info", "warning", "critical"] }).notNull(),
    titleJa: text("title_ja").notNull(),
    titleEn: text("title_en").notNull().default(""),
    bodyJa: text("body_ja").notNull(),
    bodyEn: text("body_en").notNull().default(""),
    /** JIS X 0401 code; null = nationwide. */
    prefectureCode: text("prefecture_code"),
    sourceUrl: text("source_url"),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: at("published_at").notNull().defaultNow(),
    withdrawnAt: at("withdrawn_at"),
  },
  (t) => [index("hub_advisories_published_idx").on(t.publishedAt)],
);
