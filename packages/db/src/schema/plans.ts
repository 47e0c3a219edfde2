import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";

const orgRef = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id);

/**
 * Business functions for the cyber-attack BCP: what must keep running, in which order, how soon
 * (recovery time objective) and how to work by hand while systems are down.
 */
export const businessFunctions = pgTable(
  "business_functions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    name: text("name").notNull(),
    /** 1 = restore first. */
    priority: integer("priority").notNull(),
    rtoHours: integer("rto_hours").notNull(),
    manualWorkaround: text("manual_workaround"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("business_functions_org_idx").on(t.organisationId)],
);

/**
 * Every generated plan document is kept: the model snapshot it was rendered from (PDF/HTML are
 * re-rendered from it deterministically) and the rendered text used for diffs between versions.
 */
export const planDocuments = pgTable(
  "plan_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    /** manual | bcp | card */
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
    generatedBy: uuid("generated_by").references(() => users.id),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedByName: text("approved_by_name"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    model: jsonb("model").notNull().$type<Record<string, unknown>>(),
    renderedText: text("rendered_text").notNull(),
  },
  (t) => [unique("plan_documents_org_kind_version_uq").on(t.organisationId, t.kind, t.version)],
);

/** One tabletop drill run of a scenario from content/drills/. */
export const drillRuns = pgTable(
  "drill_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    scenarioId: text("scenario_id").notNull(),
    /** realtime (injects due by elapsed minutes) | facilitated (the facilitator reveals the next inject) */
    mode: text("mode").notNull(),
    participants: jsonb("participants").notNull().$type<{ name: string; role: string }[]>(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    startedBy: uuid("started_by").references(() => users.id),
    /** Injects revealed by the facilitator (facilitated mode). */
    revealedCount: integer("revealed_count").notNull().default(1),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    summary: text("summary"),
  },
  (t) => [index("drill_runs_org_idx").on(t.organisationId, t.startedAt)],
);

/** A decision or question a participant recorded during a drill, with its time. */
export const drillDecisions = pgTable(
  "drill_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    drillId: uuid("drill_id")
      .notNull()
      .references(() => drillRuns.id),
    injectId: text("inject_id").notNull(),
    participant: text("participant").notNull(),
    text: text("text").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("drill_decisions_drill_idx").on(t.drillId)],
);

/** After-action findings: they become items of the readiness gap list until closed. */
export const drillFindings = pgTable(
  "drill_findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    drillId: uuid("drill_id")
      .notNull()
      .references(() => drillRuns.id),
    /** high | medium | low */
    severity: text("severity").notNull(),
    /** { ja, en }: scenario findings carry both languages; a participant's finding repeats its text. */
    title: jsonb("title").notNull().$type<{ ja: string; en: string }>(),
    fix: jsonb("fix").notNull().$type<{ ja: string; en: string }>(),
    /** scenario (derived from a missed expected decision) | participant */
    origin: text("origin").notNull(),
    /** open | closed */
    status: text("status").notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("drill_findings_org_status_idx").on(t.organisationId, t.status)],
);
