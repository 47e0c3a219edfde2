import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at } from "./column-types";
import { hubReports, hubUnits } from "./hub";
import { users } from "./users";

/**
 * Phishing and fake-site URLs (issue 17). One row per canonical URL (Google Safe Browsing
 * canonicalisation, @sonae/urls); every report of it is a sighting. Not sealed: a reported attacker
 * URL is shared with vendors by design; who reported it (sightings) is shown by unit.
 */
export const hubPhishUrls = pgTable(
  "hub_phish_urls",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    canonical: text("canonical").notNull(),
    /** SHA-256 of the canonical URL (hex): the Safe Browsing full hash, the dedup key. */
    sha256: text("sha256").notNull(),
    host: text("host").notNull(),
    hostUnicode: text("host_unicode").notNull(),
    registrableDomain: text("registrable_domain"),
    /** The host itself when it is an IP literal, else the address last reported for it (passive DNS / reporter). */
    ip: text("ip"),
    flags: text("flags").array().notNull().default(sql`'{}'::text[]`),
    /** On a warning list (popular domain, CDN, shortener): context, never a feed entry. */
    warningListed: boolean("warning_listed").notNull().default(false),
    state: text("state", { enum: ["candidate", "confirmed", "benign", "unreachable"] })
      .notNull()
      .default("candidate"),
    category: text("category", { enum: ["phishing", "fake_shop", "support_scam", "other"] }),
    brandId: text("brand_id"),
    proposedVerdict: text("proposed_verdict"),
    proposedBrandId: text("proposed_brand_id"),
    /** Set when the URL was found through a confirmed phishing IP rather than reported. */
    discoveredVia: text("discovered_via"),
    verdictBy: uuid("verdict_by").references(() => users.id),
    verdictReason: text("verdict_reason"),
    verdictAt: at("verdict_at"),
    firstSeen: at("first_seen").notNull().defaultNow(),
    lastSeen: at("last_seen").notNull().defaultNow(),
    sightingCount: integer("sighting_count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("hub_phish_urls_sha256_unique").on(t.sha256),
    index("hub_phish_urls_host_idx").on(t.host),
    index("hub_phish_urls_domain_idx").on(t.registrableDomain),
    index("hub_phish_urls_ip_idx").on(t.ip),
    index("hub_phish_urls_state_idx").on(t.state, t.lastSeen),
  ],
);

/**
 * Outside bodies that exchange URLs with the hub (JC3-like partners, filtering and antivirus
 * vendors). A partner may submit (quota per UTC day) and/or pull the feeds granted to it.
 * Owned by a unit: that unit's admins (and the national unit) manage it and see its submissions.
 */
export const hubUrlPartners = pgTable("hub_url_partners", {
  id: uuid("id").primaryKey().defaultRandom(),
  unitId: smallint("unit_id")
    .notNull()
    .references(() => hubUnits.id),
  name: text("name").notNull(),
  canSubmit: boolean("can_submit").notNull().default(false),
  dailyQuota: integer("daily_quota").notNull().default(100_000),
  /** Names of the feeds (hub_url_feeds) this partner may pull. */
  feeds: text("feeds").array().notNull().default(sql`'{}'::text[]`),
  active: boolean("active").notNull().default(true),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** API tokens of partners: only the SHA-256 is stored; the token is shown once at creation. */
export const hubUrlPartnerTokens = pgTable(
  "hub_url_partner_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => hubUrlPartners.id),
    tokenHash: text("token_hash").notNull(),
    /** First characters of the token, to tell tokens apart in the admin screen. */
    prefix: text("prefix").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("hub_url_partner_tokens_hash_unique").on(t.tokenHash)],
);

/** URLs accepted from a partner per UTC day, checked against its quota in the batch transaction. */
export const hubUrlPartnerUsage = pgTable(
  "hub_url_partner_usage",
  {
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => hubUrlPartners.id),
    day: date("day").notNull(),
    urls: integer("urls").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.day] })],
);

/** A named feed: which categories of confirmed URLs it carries. */
export const hubUrlFeeds = pgTable("hub_url_feeds", {
  name: text("name").primaryKey(),
  titleJa: text("title_ja").notNull(),
  titleEn: text("title_en").notNull(),
  categories: text("categories").array().notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** Each report of a URL: who (unit, partner, public report, case), when, from which report. */
export const hubUrlSightings = pgTable(
  "hub_url_sightings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    urlId: bigint("url_id", { mode: "number" })
      .notNull()
      .references(() => hubPhishUrls.id),
    source: text("source", { enum: ["partner", "public", "case"] }).notNull(),
    /** The unit that owns the sighting (the case's or public report's unit, the partner's unit). */
    unitId: smallint("unit_id")
      .notNull()
      .references(() => hubUnits.id),
    partnerId: uuid("partner_id").references(() => hubUrlPartners.id),
    reportId: uuid("report_id").references(() => hubReports.id),
    /** The submitter's own id of the line or indicator (partner batches), or the report kind. */
    sourceRef: text("source_ref"),
    /** What the reporter typed, before normalisation (defanged forms stay as given). */
    rawInput: text("raw_input"),
    brandHint: text("brand_hint"),
    seenAt: at("seen_at").notNull().defaultNow(),
    addedBy: uuid("added_by").references(() => users.id),
  },
  (t) => [
    index("hub_url_sightings_url_idx").on(t.urlId, t.seenAt),
    index("hub_url_sightings_unit_idx").on(t.unitId, t.seenAt),
    index("hub_url_sightings_partner_idx").on(t.partnerId, t.seenAt),
  ],
);

/** Passive DNS in the fields of the Common Output Format (draft-dulaunoy-dnsop-passive-dns-cof). */
export const hubPassiveDns = pgTable(
  "hub_passive_dns",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    rrname: text("rrname").notNull(),
    rrtype: text("rrtype").notNull(),
    rdata: text("rdata").notNull(),
    timeFirst: at("time_first").notNull(),
    timeLast: at("time_last").notNull(),
    count: integer("count").notNull().default(1),
    /** Who told us: a partner's name, "reporter", "resolver". */
    source: text("source").notNull(),
    partnerId: uuid("partner_id").references(() => hubUrlPartners.id),
  },
  (t) => [
    uniqueIndex("hub_passive_dns_record_unique").on(t.rrname, t.rrtype, t.rdata, t.source),
    index("hub_passive_dns_rdata_idx").on(t.rdata),
  ],
);

/**
 * The feed change log: every listing and every withdrawal, in cursor order. Writers take one
 * advisory lock per transaction so cursors become visible in order (a consumer that read up to N
 * never misses a change < N committed later).
 */
export const hubUrlFeedChanges = pgTable(
  "hub_url_feed_changes",
  {
    cursor: bigserial("cursor", { mode: "number" }).primaryKey(),
    urlId: bigint("url_id", { mode: "number" })
      .notNull()
      .references(() => hubPhishUrls.id),
    change: text("change", { enum: ["added", "withdrawn"] }).notNull(),
    category: text("category").notNull(),
    /** Why it was withdrawn: false_positive, cleaned, delisted, or the officer's reason. */
    reason: text("reason"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("hub_url_feed_changes_url_idx").on(t.urlId)],
);

/** A site owner's request to review a listed URL or domain (the one delisting path). */
export const hubUrlDelistingRequests = pgTable(
  "hub_url_delisting_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    target: text("target").notNull(),
    targetKind: text("target_kind", { enum: ["url", "domain"] }).notNull(),
    /** Canonical URL's sha256 or the registrable domain, for matching the listed records. */
    targetKey: text("target_key").notNull(),
    contact: text("contact").notNull(),
    explanation: text("explanation").notNull(),
    status: text("status", { enum: ["pending", "delisted", "rejected"] })
      .notNull()
      .default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionReason: text("decision_reason"),
    decidedAt: at("decided_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("hub_url_delisting_status_idx").on(t.status, t.createdAt)],
);
