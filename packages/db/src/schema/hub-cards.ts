import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, bytea } from "./column-types";
import { hubUnits } from "./hub";
import { users } from "./users";

/**
 * Misused card numbers handed to the card brands (issue 19). PCI DSS v4 3.5: the full number
 * (PAN) is stored only sealed (AES-256-GCM with a data key per import, wrapped by the hub KEK
 * kept outside the database); look-ups go through an HMAC-SHA-256 under a separate key; only
 * first six / last four are stored readable.
 */
export const hubCardImports = pgTable("hub_card_imports", {
  id: uuid("id").primaryKey(),
  unitId: smallint("unit_id")
    .notNull()
    .references(() => hubUnits.id),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
  kind: text("kind", { enum: ["single", "csv", "xlsx", "text"] }).notNull(),
  /** The data key of this import's sealed numbers, wrapped by the KEK (AAD binds it to the import id). */
  wrappedDek: bytea("wrapped_dek").notNull(),
  accepted: integer("accepted").notNull(),
  duplicates: integer("duplicates").notNull(),
  refused: integer("refused").notNull(),
});

export const hubCardEntries = pgTable(
  "hub_card_entries",
  {
    id: uuid("id").primaryKey(),
    importId: uuid("import_id")
      .notNull()
      .references(() => hubCardImports.id),
    unitId: smallint("unit_id")
      .notNull()
      .references(() => hubUnits.id),
    brand: text("brand").notNull(),
    /** HMAC-SHA-256(card key, PAN): one row per number across the hub. */
    panHmac: bytea("pan_hmac").notNull(),
    panSealed: bytea("pan_sealed").notNull(),
    first6: text("first6").notNull(),
    last4: text("last4").notNull(),
    panLength: smallint("pan_length").notNull(),
    exposedExpiry: boolean("exposed_expiry").notNull(),
    exposedCvc: boolean("exposed_cvc").notNull(),
    exposedHolder: boolean("exposed_holder").notNull(),
    exposed3ds: boolean("exposed_3ds").notNull(),
    sourceKind: text("source_kind", { enum: ["case", "phishing_url", "seized_dataset"] }).notNull(),
    sourceRef: text("source_ref").notNull(),
    learnedOn: date("learned_on").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    /** The first batch that carried the number to its brand (null: waiting). */
    batchId: uuid("batch_id"),
  },
  (t) => [
    uniqueIndex("hub_card_entries_hmac_idx").on(t.panHmac),
    index("hub_card_entries_unit_idx").on(t.unitId, t.createdAt),
    index("hub_card_entries_waiting_idx").on(t.brand, t.learnedOn).where(sql`${t.batchId} IS NULL`),
  ],
);

/** A brand's recipient key (OpenPGP), registered by a national unit admin. One active per brand. */
export const hubCardRecipients = pgTable(
  "hub_card_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brand: text("brand").notNull(),
    name: text("name").notNull(),
    publicKeyArmored: text("public_key_armored").notNull(),
    fingerprint: text("fingerprint").notNull(),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("hub_card_recipients_active_idx").on(t.brand).where(sql`${t.active}`)],
);

/**
 * One file for one brand. Never updated after it is built except to record its sending; a
 * re-issue is a new row pointing at the batch it re-issues.
 */
export const hubCardBatches = pgTable("hub_card_batches", {
  id: uuid("id").primaryKey(),
  brand: text("brand").notNull(),
  recipientId: uuid("recipient_id")
    .notNull()
    .references(() => hubCardRecipients.id),
  reissueOf: uuid("reissue_of"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
  count: integer("count").notNull(),
  manifest: jsonb("manifest").notNull(),
  /** The OpenPGP message (armored) encrypted to the recipient: the only place a full number leaves. */
  fileEncrypted: text("file_encrypted").notNull(),
  sentAt: at("sent_at"),
  sentBy: uuid("sent_by").references(() => users.id),
});

/** Which numbers (by keyed hash) each batch carried, including re-issues. */
export const hubCardBatchItems = pgTable(
  "hub_card_batch_items",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => hubCardBatches.id),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => hubCardEntries.id),
    panHmac: bytea("pan_hmac").notNull(),
  },
  (t) => [uniqueIndex("hub_card_batch_items_pk").on(t.batchId, t.entryId), index().on(t.entryId)],
);
