import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at } from "./column-types";
import { organisations } from "./organisations";
import { users } from "./users";

const orgRef = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id);
const incidentRef = () =>
  uuid("incident_id")
    .notNull()
    .references(() => incidents.id, { onDelete: "cascade" });

/**
 * One incident. Starts as `draft` while the wizard is being filled in, then `open`, then `closed`.
 * `learnedAt` is when the organisation learned of it: the PPC deadlines (施行規則 第8条) run from it.
 * The ransom demand and the identified family are one document each (jsonb), validated by core's zod schemas.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    reference: text("reference").notNull(),
    status: text("status", { enum: ["draft", "open", "closed"] })
      .notNull()
      .default("draft"),
    title: text("title").notNull(),
    symptoms: jsonb("symptoms").notNull().$type<string[]>().default([]),
    discoveredAt: at("discovered_at"),
    discoveredBy: text("discovered_by"),
    discoveredHow: text("discovered_how"),
    learnedAt: at("learned_at"),
    firstAnomalyAt: at("first_anomaly_at"),
    summary: text("summary"),
    businessImpact: text("business_impact"),
    personalData: text("personal_data").notNull().default("unknown"),
    request: text("request").notNull().default("undecided"),
    intrusionMethod: text("intrusion_method").notNull().default("unknown"),
    intrusionDetail: text("intrusion_detail"),
    wizardStep: text("wizard_step").notNull().default("what"),
    demand: jsonb("demand").$type<Record<string, unknown>>(),
    /** Common forms: consent to share with NCO, critical-infrastructure level, DDoS details (core ZIncidentDdos). */
    ncoConsent: text("nco_consent").notNull().default("unknown"),
    criticalInfrastructure: text("critical_infrastructure").notNull().default("unknown"),
    ddos: jsonb("ddos").$type<Record<string, unknown>>(),
    family: jsonb("family").$type<Record<string, unknown>>(),
    /** The four 規則7条 questions as answered (core ZPpcAssessment); null until someone answers. */
    ppcAssessment: jsonb("ppc_assessment").$type<Record<string, unknown>>(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("incidents_org_idx").on(t.organisationId),
    uniqueIndex("incidents_org_reference_unique").on(t.organisationId, t.reference),
  ],
);

/** Affected terminals: what the police ask about each machine (encrypted? isolated? powered?). */
export const incidentTerminals = pgTable(
  "incident_terminals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    incidentId: incidentRef(),
    host: text("host").notNull(),
    userName: text("user_name"),
    os: text("os"),
    role: text("role").notNull().default("pc"),
    encrypted: text("encrypted").notNull().default("unknown"),
    symptoms: text("symptoms"),
    isolatedAt: at("isolated_at"),
    powerState: text("power_state").notNull().default("unknown"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("incident_terminals_incident_idx").on(t.incidentId)],
);

/** A completed checklist step (first response or disclosure): who did it and when. */
export const incidentChecklistSteps = pgTable(
  "incident_checklist_steps",
  {
    organisationId: orgRef(),
    incidentId: incidentRef(),
    stepId: text("step_id").notNull(),
    doneBy: uuid("done_by").references(() => users.id),
    doneByName: text("done_by_name").notNull(),
    doneAt: at("done_at").notNull(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.stepId] })],
);

/** The incident timeline: manual entries and entries written by checklist steps and reports. */
export const incidentTimeline = pgTable(
  "incident_timeline",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    incidentId: incidentRef(),
    at: at("at").notNull(),
    /** manual | checklist | report | system */
    source: text("source").notNull(),
    text: text("text").notNull(),
    isAction: boolean("is_action").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("incident_timeline_incident_at_idx").on(t.incidentId, t.at)],
);

/** Indicators (IPs … Tox ids), normalised by core and unique per incident. */
export const incidentIndicators = pgTable(
  "incident_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    incidentId: incidentRef(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    note: text("note"),
    /** extracted | manual */
    origin: text("origin").notNull(),
    /**
     * A value on a warning list is context until a person promotes it to an indicator with a reason;
     * the lists it matched at that moment are kept with the reason (shown and audited).
     */
    promotedAt: at("promoted_at"),
    promotedBy: uuid("promoted_by").references(() => users.id),
    promotionReason: text("promotion_reason"),
    promotionLists: jsonb("promotion_lists").$type<{ listId: string; date: string }[]>(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("incident_indicators_unique").on(t.incidentId, t.kind, t.value)],
);

/** Reports and notifications made (police, PPC, individuals, insurer, IPA/JPCERT, regulator). */
export const incidentReports = pgTable(
  "incident_reports",
  {
    organisationId: orgRef(),
    incidentId: incidentRef(),
    obligationId: text("obligation_id").notNull(),
    /** pending | done | not_applicable */
    status: text("status").notNull(),
    doneAt: at("done_at"),
    recipient: text("recipient"),
    officer: text("officer"),
    referenceNumber: text("reference_number"),
    note: text("note"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.obligationId] })],
);

/** The incident team: only its members (and admins) see incidents, which are confidential. */
export const incidentMembers = pgTable(
  "incident_members",
  {
    organisationId: orgRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] })],
);

/**
 * Each send of a common form (共通様式) is a version: first, follow-up or final report. `rows` keeps
 * the form's items as sent, so the next follow-up can show exactly what changed. Append-only.
 */
export const incidentFormSends = pgTable(
  "incident_form_sends",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgRef(),
    incidentId: incidentRef(),
    /** ransomware | ddos */
    form: text("form").notNull(),
    version: integer("version").notNull(),
    /** first | follow-up | final */
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    reportNumber: text("report_number"),
    sentAt: at("sent_at").notNull(),
    rows: jsonb("rows").notNull().$type<[string, string, string][]>(),
    changes: jsonb("changes").notNull().$type<{ item: string; before: string; after: string }[]>(),
    sentBy: uuid("sent_by").references(() => users.id),
    sentByName: text("sent_by_name").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("incident_form_sends_version_unique").on(t.incidentId, t.form, t.version)],
);
