import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, bytea } from "./column-types";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * Hub tenant model (issue 9): 47 prefectural police units keyed by their JIS X 0401 number (1–47)
 * and the national analysis unit (0). Seeded by `sonae hub init` / on first hub start.
 */
export const hubUnits = pgTable("hub_units", {
  id: smallint("id").primaryKey(),
  kind: text("kind", { enum: ["prefecture", "national"] }).notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
});

/** Which unit a hub user belongs to and in which hub role. One unit per user. */
export const hubMemberships = pgTable("hub_memberships", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  unitId: smallint("unit_id")
    .notNull()
    .references(() => hubUnits.id),
  role: text("role", { enum: ["intake_officer", "analyst", "unit_admin", "card_officer"] }).notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

/**
 * Ed25519 public keys of reporting organisations. A key first seen on a submission is `pending`
 * (the report is still accepted: a victim is never turned away); a unit admin confirms it after
 * checking the fingerprint with the organisation out of band.
 */
export const hubOrgKeys = pgTable(
  "hub_org_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the raw 32-byte public key, hex. */
    fingerprint: text("fingerprint").notNull().unique(),
    publicKey: text("public_key").notNull(),
    orgName: text("org_name").notNull(),
    prefectureUnitId: smallint("prefecture_unit_id").notNull(),
    status: text("status", { enum: ["pending", "active", "revoked"] })
      .notNull()
      .default("pending"),
    registeredAt: at("registered_at").notNull().defaultNow(),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    confirmedAt: at("confirmed_at"),
    /** Reports stored and their sealed bytes while the key was unconfirmed: the per-key quota of that lane. */
    pendingReports: integer("pending_reports").notNull().default(0),
    pendingBytes: bigint("pending_bytes", { mode: "number" }).notNull().default(0),
  },
  // A new key claiming a name another key already uses is flagged (issue 16 §4): look names up
  // by their normalised form (case and spaces, incl. the ideographic space, ignored).
  (t) => [index("hub_org_keys_name_norm_idx").on(orgNameNorm(t.orgName))],
);

/** The normalised organisation name the index above is built on; queries must use the same expression. */
export function orgNameNorm(column: AnyPgColumn | SQL) {
  return sql`lower(regexp_replace(${column}, '[[:space:]　]+', '', 'g'))`;
}

/** Nonces of signed requests and used proof-of-work challenges: a second use is a replay. */
export const hubNonces = pgTable(
  "hub_nonces",
  {
    nonce: text("nonce").primaryKey(),
    seenAt: at("seen_at").notNull().defaultNow(),
  },
  (t) => [index("hub_nonces_seen_idx").on(t.seenAt)],
);

/**
 * One report, consultation or piece of information. Everything the reporter wrote lives in
 * `payload_enc` (AES-256-GCM under a per-report data key, itself wrapped by the KEK held outside
 * the database): a dump shows only routing metadata.
 */
export const hubReports = pgTable(
  "hub_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    source: text("source", { enum: ["organisation", "public"] }).notNull(),
    kind: text("kind", { enum: ["report", "consultation", "information"] }).notNull(),
    orgKeyId: uuid("org_key_id").references(() => hubOrgKeys.id),
    /** Client-chosen id of an organisation submission: a retry after a lost answer gets the same receipt. */
    submissionId: text("submission_id"),
    unitId: smallint("unit_id")
      .notNull()
      .references(() => hubUnits.id),
    status: text("status", { enum: ["new", "acknowledged", "in_progress", "closed"] })
      .notNull()
      .default("new"),
    category: text("category"),
    priority: text("priority", { enum: ["p1", "p2", "p3", "p4"] }),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id),
    receivedAt: at("received_at").notNull().defaultNow(),
    ackDueAt: at("ack_due_at").notNull(),
    acknowledgedAt: at("acknowledged_at"),
    responseDueAt: at("response_due_at"),
    escalatedAt: at("escalated_at"),
    updatedAt: at("updated_at").notNull().defaultNow(),
    /** SHA-256 of the receipt token (public reporters' secret link). */
    receiptTokenHash: text("receipt_token_hash").notNull(),
    wrappedKey: bytea("wrapped_key").notNull(),
    payloadEnc: bytea("payload_enc").notNull(),
  },
  (t) => [
    uniqueIndex("hub_reports_submission_unique")
      .on(t.orgKeyId, t.submissionId)
      .where(sql`${t.submissionId} IS NOT NULL`),
    index("hub_reports_unit_idx").on(t.unitId, t.receivedAt),
  ],
);

/** Units other than the owner that may see a report (transfer history, sharing, escalation). */
export const hubReportShares = pgTable(
  "hub_report_shares",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => hubReports.id),
    unitId: smallint("unit_id")
      .notNull()
      .references(() => hubUnits.id),
    reason: text("reason", { enum: ["transfer", "share", "escalation"] }).notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.unitId] }), index("hub_report_shares_unit_idx").on(t.unitId)],
);

/** Attachments: name and bytes encrypted with the report's data key. */
export const hubAttachments = pgTable(
  "hub_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => hubReports.id),
    sizeBytes: integer("size_bytes").notNull(),
    metaEnc: bytea("meta_enc").notNull(),
    contentEnc: bytea("content_enc").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("hub_attachments_report_idx").on(t.reportId)],
);

/** Messages both ways; bodies encrypted with the report's data key. */
export const hubMessages = pgTable(
  "hub_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => hubReports.id),
    direction: text("direction", { enum: ["police", "reporter"] }).notNull(),
    kind: text("kind", { enum: ["question", "advice", "decryptor", "status", "message"] }).notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id),
    bodyEnc: bytea("body_enc").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("hub_messages_report_idx").on(t.reportId, t.createdAt)],
);

/**
 * One row per (report, indicator): storage grows with observations, never with pairs. Related
 * cases are found by joining on (kind, value_hash). The value is a keyed HMAC, so a dump cannot
 * be brute-forced back to IPs or e-mails. No foreign key: bulk ingestion stays cheap.
 */
export const hubObservations = pgTable(
  "hub_observations",
  {
    kind: smallint("kind").notNull(),
    valueHash: bytea("value_hash").notNull(),
    reportId: uuid("report_id").notNull(),
    unitId: smallint("unit_id").notNull(),
    observedAt: at("observed_at").notNull().defaultNow(),
  },
  (t) => [
    // observed_at in the key: "newest 50 matches of a value" reads 50 index entries even for a hot value.
    index("hub_observations_value_at_idx").on(t.kind, t.valueHash, t.observedAt.desc()),
    // Unit-scoped lookups: a unit's own matches of a value are one descent, however many other
    // units share that value (a prefecture's analyst must not pay for the whole country's matches).
    index("hub_observations_value_unit_at_idx").on(t.kind, t.valueHash, t.unitId, t.observedAt.desc()),
    index("hub_observations_report_idx").on(t.reportId),
  ],
);

/** An alert for a unit's analysts: a new report shares indicators with earlier visible ones. */
export const hubAlerts = pgTable(
  "hub_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => hubReports.id),
    unitId: smallint("unit_id")
      .notNull()
      .references(() => hubUnits.id),
    relatedCount: integer("related_count").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    seenAt: at("seen_at"),
  },
  (t) => [uniqueIndex("hub_alerts_report_unit_unique").on(t.reportId, t.unitId)],
);

/**
 * Organisation side: what this instance sent to a hub ("report to the police"), so the incident
 * page can show status and messages. One row per submission; tenant-scoped.
 */
export const hubOutbox = pgTable(
  "hub_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    hubUrl: text("hub_url").notNull(),
    reference: text("reference").notNull(),
    submissionId: text("submission_id").notNull(),
    incidentId: uuid("incident_id"),
    title: text("title").notNull(),
    submittedBy: uuid("submitted_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("hub_outbox_org_idx").on(t.organisationId, t.createdAt)],
);
