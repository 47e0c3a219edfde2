import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  prefectureCode: text("prefecture_code").notNull(),
  industryCode: text("industry_code").notNull(),
  smeSubSector: text("sme_sub_sector"),
  capitalYen: bigint("capital_yen", { mode: "number" }),
  employees: integer("employees"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
