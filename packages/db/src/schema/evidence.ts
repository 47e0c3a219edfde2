import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at } from "./column-types";
import { incidents } from "./incidents";
import { organisations } from "./organisations";
import { users } from "./users";

const orgRef = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id);

/**
 * An evidence bundle attached to an incident. The bytes live once in the content-addressed vault
 * (`<dataDir>/evidence/sha256/…`); this row says which incident holds it and what verification found.
 * `manifest` is the signed manifest.json as read from the bundle (files, hashes, collector, problems).
 */
export const evidenceBundles = pgTable(
  "evidence_bundles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    fileName: text("file_name").notNull(),
    caseId: text("case_id").notNull(),
    examiner: text("examiner").notNull(),
    signerFingerprint: text("signer_fingerprint").notNull(),
    bundleCustodyHeadHash: text("bundle_custody_head_hash").notNull(),
    verification: jsonb("verification").notNull().$type<Record<string, unknown>>(),
    manifest: jsonb("manifest").notNull().$type<Record<string, unknown>>(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: at("uploaded_at").notNull().defaultNow(),
  },
  (t) => [
    index("evidence_bundles_org_idx").on(t.organisationId),
    uniqueIndex("evidence_bundles_incident_sha_unique").on(t.incidentId, t.sha256),
  ],
);

/**
 * Server-side chain of custody: each row continues the bundle's custody.jsonl (the first row's
 * `prev_hash` is the bundle's head), hashed the same way (`appendCustodyEntry`). Append-only.
 */
export const evidenceCustody = pgTable(
  "evidence_custody",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    bundleId: uuid("bundle_id")
      .notNull()
      .references(() => evidenceBundles.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    details: jsonb("details").notNull().$type<Record<string, unknown>>(),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("evidence_custody_bundle_seq_unique").on(t.bundleId, t.seq)],
);

/**
 * A triage run over one stored bundle. Events go to a derived JSONL file in the data folder
 * (`<dataDir>/evidence/triage/<id>.jsonl`, may be large); detections and problems are small and stay here.
 */
export const evidenceTriageRuns = pgTable(
  "evidence_triage_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    bundleId: uuid("bundle_id")
      .notNull()
      .references(() => evidenceBundles.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["running", "done", "failed"] }).notNull(),
    progress: jsonb("progress").notNull().$type<Record<string, unknown>>().default({}),
    eventCount: integer("event_count").notNull().default(0),
    detections: jsonb("detections").notNull().$type<unknown[]>().default([]),
    problems: jsonb("problems").notNull().$type<unknown[]>().default([]),
    error: text("error"),
    startedBy: uuid("started_by").references(() => users.id),
    startedAt: at("started_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
  },
  (t) => [index("evidence_triage_runs_incident_idx").on(t.incidentId)],
);

/**
 * Public keys this organisation knows as evidence signers besides the installation's own key:
 * collector kits it issued (`kind = kit`: kit id, incident, platform, issued to whom and when) and keys
 * a person added (`kind = person`, e.g. a police examiner's or another installation's). A bundle signed
 * by none of them is shown as "signature valid — signer unknown".
 */
export const evidenceSignerKeys = pgTable(
  "evidence_signer_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    kind: text("kind", { enum: ["kit", "person"] }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    publicKeyPem: text("public_key_pem").notNull(),
    label: text("label").notNull(),
    kitId: text("kit_id"),
    incidentId: uuid("incident_id").references(() => incidents.id, { onDelete: "set null" }),
    platform: text("platform"),
    issuedTo: text("issued_to"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("evidence_signer_keys_org_fingerprint_unique").on(t.organisationId, t.fingerprint)],
);
