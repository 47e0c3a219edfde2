import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

const orgRef = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id);

/**
 * The contact arrangement the police ask for (notice of 2025-01-31): the prefectural desk as the
 * organisation recorded and verified it, the internal team by role, and external parties.
 * `verifiedAt` is the date someone last confirmed the entry; older than 12 months is flagged.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    category: text("category", { enum: ["police_desk", "team", "external"] }).notNull(),
    /** team: responsible | liaison | it | pr | legal; external: it_vendor | security_vendor | insurer | lawyer | data_protection | other */
    role: text("role").notNull(),
    name: text("name").notNull(),
    affiliation: text("affiliation"),
    phone: text("phone"),
    outOfHoursPhone: text("out_of_hours_phone"),
    email: text("email"),
    url: text("url"),
    policyNumber: text("policy_number"),
    hotline: text("hotline"),
    notes: text("notes"),
    verifiedAt: date("verified_at", { mode: "string" }),
    ...timestamps,
  },
  (t) => [index("contacts_org_idx").on(t.organisationId)],
);

/** Internet-facing devices: what the police ask for (name, usage, patch state) plus where logs live. */
export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    name: text("name").notNull(),
    /** vpn | firewall | router | rdp_gateway | remote_access | mail | web | nas | ip_camera | other */
    type: text("type").notNull(),
    vendor: text("vendor").notNull(),
    product: text("product").notNull(),
    version: text("version"),
    usage: text("usage"),
    location: text("location"),
    owner: text("owner"),
    publicAddress: text("public_address"),
    mfaEnabled: boolean("mfa_enabled"),
    lastPatchedAt: date("last_patched_at", { mode: "string" }),
    pendingUpdates: text("pending_updates"),
    endOfSupport: date("end_of_support", { mode: "string" }),
    /** memory (lost on power-off: keep powered in an incident) | disk | forwarded */
    logLocation: text("log_location"),
    notes: text("notes"),
    ...timestamps,
  },
  (t) => [index("devices_org_idx").on(t.organisationId)],
);

/** Backup sets. Over 70% of victims could not restore: offline copies and restore tests matter. */
export const backupSets = pgTable(
  "backup_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    name: text("name").notNull(),
    protects: text("protects").notNull(),
    /** disk | nas | tape | cloud | removable | other */
    media: text("media").notNull(),
    location: text("location"),
    /** online | offline | immutable */
    connectivity: text("connectivity").notNull(),
    generations: integer("generations"),
    frequency: text("frequency"),
    lastSuccessAt: date("last_success_at", { mode: "string" }),
    lastRestoreTestAt: date("last_restore_test_at", { mode: "string" }),
    /** success | partial | failed */
    lastRestoreTestResult: text("last_restore_test_result"),
    notes: text("notes"),
    ...timestamps,
  },
  (t) => [index("backup_sets_org_idx").on(t.organisationId)],
);

/** Log sources. In most ransomware cases the logs needed were deleted or encrypted. */
export const logSources = pgTable(
  "log_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    name: text("name").notNull(),
    /** vpn | firewall | domain_controller | server | pc | cloud | other */
    kind: text("kind").notNull(),
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "set null" }),
    retentionDays: integer("retention_days"),
    /** device_memory | device_disk | forwarded */
    storage: text("storage").notNull(),
    protectedFromDeletion: boolean("protected_from_deletion").notNull().default(false),
    clockSynchronised: boolean("clock_synchronised").notNull().default(false),
    notes: text("notes"),
    ...timestamps,
  },
  (t) => [index("log_sources_org_idx").on(t.organisationId)],
);

/** The network diagram as one document per organisation: nodes, links and their layout. */
export const networkDiagrams = pgTable("network_diagrams", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  document: jsonb("document").notNull().$type<Record<string, unknown>>(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id),
});

/** Answers to readiness checklist items that cannot be derived from the registers. */
export const readinessAnswers = pgTable(
  "readiness_answers",
  {
    organisationId: orgRef(),
    itemId: text("item_id").notNull(),
    /** yes | partial | no | not_applicable */
    answer: text("answer").notNull(),
    note: text("note"),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.itemId] })],
);

/** Score history: one row each time the assessment is recorded. */
export const readinessSnapshots = pgTable(
  "readiness_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    score: integer("score").notNull(),
    details: jsonb("details").notNull().$type<Record<string, unknown>>(),
  },
  (t) => [index("readiness_snapshots_org_at_idx").on(t.organisationId, t.at)],
);
