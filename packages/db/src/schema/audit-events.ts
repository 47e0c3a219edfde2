import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * Append-only: the application only ever inserts. Migration 0000 adds a trigger that rejects
 * UPDATE and DELETE, so even a bug or a stray SQL session cannot rewrite history.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull().$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_events_org_at_idx").on(t.organisationId, t.at)],
);
