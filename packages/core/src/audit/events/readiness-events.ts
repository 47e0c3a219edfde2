import { z } from "zod";

/** Audit events of the readiness area: contacts, device register, KEV, backups, logs, network diagram, assessment. */
export const READINESS_EVENTS = [
  // Backups, logs, network diagram and assessment (readiness part B).
  z.object({ type: z.literal("backup_set.created"), backupSetId: z.string(), name: z.string() }),
  z.object({
    type: z.literal("backup_set.updated"),
    backupSetId: z.string(),
    changes: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("backup_set.deleted"), backupSetId: z.string(), name: z.string() }),
  z.object({ type: z.literal("backup_sets.exported"), format: z.string(), count: z.number() }),
  z.object({ type: z.literal("log_source.created"), logSourceId: z.string(), name: z.string() }),
  z.object({
    type: z.literal("log_source.updated"),
    logSourceId: z.string(),
    changes: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("log_source.deleted"), logSourceId: z.string(), name: z.string() }),
  z.object({ type: z.literal("log_sources.exported"), format: z.string(), count: z.number() }),
  z.object({
    type: z.literal("network_diagram.saved"),
    nodes: z.number(),
    edges: z.number(),
  }),
  z.object({
    type: z.literal("readiness.answer_saved"),
    itemId: z.string(),
    from: z.string().nullable(),
    to: z.string(),
  }),
  z.object({
    type: z.literal("readiness.snapshot_recorded"),
    score: z.number(),
    trigger: z.string(),
  }),
  // Contacts, device register and KEV (readiness part A).
  z.object({
    type: z.literal("contact.created"),
    contactId: z.string(),
    category: z.string(),
    role: z.string(),
  }),
  z.object({
    type: z.literal("contact.updated"),
    contactId: z.string(),
    changes: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("contact.deleted"), contactId: z.string(), name: z.string() }),
  z.object({ type: z.literal("device.created"), deviceId: z.string(), name: z.string() }),
  z.object({
    type: z.literal("device.updated"),
    deviceId: z.string(),
    changes: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("device.deleted"), deviceId: z.string(), name: z.string() }),
  z.object({ type: z.literal("devices.imported"), fileName: z.string(), count: z.number() }),
  z.object({ type: z.literal("devices.exported"), format: z.string(), count: z.number() }),
  z.object({
    type: z.literal("kev.catalog_fetched"),
    catalogVersion: z.string(),
    dateReleased: z.string(),
    count: z.number(),
  }),
  z.object({ type: z.literal("kev.catalog_fetch_failed"), reason: z.string() }),
  /** A KEV catalogue or NVD records file uploaded for an offline machine (issue 12), with its date. */
  z.object({
    type: z.literal("kev.data_uploaded"),
    kind: z.enum(["catalog", "nvd"]),
    fileName: z.string(),
    dated: z.string(),
    count: z.number(),
  }),
] as const;
