import { randomBytes, randomUUID } from "node:crypto";
import { computeAckDue, type TAuditEvent, type THubReportKind, ZAuditEvent } from "@sonae/core";
import type { Db, hubReports } from "@sonae/db";
import { sql } from "drizzle-orm";
import { hashToken } from "../../platform/auth/session.repo";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubIndicator } from "../correlation/collect-indicators";
import { raiseAlerts } from "../correlation/hub-alerts.service";
import { type ObservationRow, observationRows } from "../correlation/observations.repo";
import { newDataKey, sealJson } from "../store/envelope";
import type { HubKeyring } from "../store/hub-keyring";
import { pgArray } from "../store/pg-array";

/** What is sealed inside payload_enc. */
export type SealedPayload = {
  title: string;
  reporterName: string;
  body: unknown;
  indicators: HubIndicator[];
};

/** Crockford base32 without I, L, O, U: read aloud over the phone without confusion. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Reference like HUB-20261122-7K3QX9M2PA: date for humans, 50 random bits for uniqueness. */
export function newReference(now: Date): string {
  const bytes = randomBytes(10);
  const tail = [...bytes].map((b) => ALPHABET[b & 31]).join("");
  return `HUB-${now.toISOString().slice(0, 10).replaceAll("-", "")}-${tail}`;
}

export type StoreInput = {
  source: "organisation" | "public";
  kind: THubReportKind;
  unitId: number;
  orgKeyId: string | null;
  submissionId: string | null;
  sealed: SealedPayload;
};

/** A report ready to write: sealed, hashed and numbered; only bytes are left for the database. */
export type PreparedReport = {
  ctx: RequestContext;
  row: typeof hubReports.$inferInsert & {
    id: string;
    reference: string;
    receivedAt: Date;
    ackDueAt: Date;
    unitId: number;
  };
  receiptToken: string;
  observations: ObservationRow[];
};

/**
 * The CPU part of storing a report, done per request outside any transaction: data key, sealing,
 * indicator hashing, reference and receipt token. `orgKeyId` may be filled in later (batched
 * intake learns the key id in its transaction).
 */
export function prepareReport(
  ctx: RequestContext,
  ring: HubKeyring,
  input: StoreInput,
  receivedAt = new Date(),
): PreparedReport {
  const id = randomUUID();
  const reference = newReference(receivedAt);
  const receiptToken = randomBytes(24).toString("base64url");
  const key = newDataKey(ring.kek, id);
  return {
    ctx,
    receiptToken,
    row: {
      id,
      reference,
      source: input.source,
      kind: input.kind,
      orgKeyId: input.orgKeyId,
      submissionId: input.submissionId,
      unitId: input.unitId,
      receivedAt,
      ackDueAt: computeAckDue(receivedAt),
      receiptTokenHash: hashToken(receiptToken),
      wrappedKey: key.wrapped,
      payloadEnc: sealJson(key.dek, input.sealed, `payload:${id}`),
    },
    observations: observationRows(
      ring.indexKey,
      { id, unitId: input.unitId, at: receivedAt },
      input.sealed.indicators,
    ),
  };
}

/**
 * Writes prepared reports inside the caller's transaction in two round trips: ONE statement for the
 * reports, their observations and their audit events (data-modifying CTEs; only reports actually
 * inserted get observations and an audit row), then one for alerts (they must see the observations,
 * which a CTE of the same statement would not). The receipt is only given after this commits.
 * Returns the ids actually inserted: an organisation submission whose (key, submissionId) already
 * exists conflicts on the partial unique index and is skipped (the caller answers with the
 * original receipt).
 */
export async function writeReports(tx: Db, reports: readonly PreparedReport[]): Promise<Set<string>> {
  if (reports.length === 0) return new Set();
  const rows = reports.map((r) => r.row);
  const obs = reports.flatMap((r) => r.observations);
  const audits = reports.map(({ ctx, row }) => ({
    ctx,
    payload: auditPayload({
      type: "hub.report_received",
      reportId: row.id,
      reference: row.reference,
      source: row.source,
      unitId: row.unitId,
    }),
  }));
  const result = (await tx.execute(sql`
    WITH r AS (
      INSERT INTO hub_reports (id, reference, source, kind, org_key_id, submission_id, unit_id, received_at,
        ack_due_at, receipt_token_hash, wrapped_key, payload_enc)
      SELECT id, reference, source, kind, org_key_id, submission_id, unit_id, received_at, ack_due_at,
        token_hash, decode(wrapped, 'base64'), decode(payload, 'base64')
      FROM unnest(${pgArray(rows.map((r) => r.id))}::uuid[], ${pgArray(rows.map((r) => r.reference))}::text[],
        ${pgArray(rows.map((r) => r.source))}::text[], ${pgArray(rows.map((r) => r.kind))}::text[],
        ${pgArray(rows.map((r) => r.orgKeyId ?? null))}::uuid[], ${pgArray(rows.map((r) => r.submissionId ?? null))}::text[],
        ${pgArray(rows.map((r) => r.unitId))}::smallint[], ${pgArray(rows.map((r) => r.receivedAt.toISOString()))}::timestamptz[],
        ${pgArray(rows.map((r) => r.ackDueAt.toISOString()))}::timestamptz[], ${pgArray(rows.map((r) => r.receiptTokenHash))}::text[],
        ${pgArray(rows.map((r) => r.wrappedKey.toString("base64")))}::text[],
        ${pgArray(rows.map((r) => r.payloadEnc.toString("base64")))}::text[])
        AS x(id, reference, source, kind, org_key_id, submission_id, unit_id, received_at, ack_due_at, token_hash, wrapped, payload)
      ON CONFLICT (org_key_id, submission_id) WHERE submission_id IS NOT NULL DO NOTHING
      RETURNING id
    ),
    o AS (
      INSERT INTO hub_observations (kind, value_hash, report_id, unit_id, observed_at)
      SELECT kind, decode(hash, 'hex'), report_id, unit_id, observed_at
      FROM unnest(${pgArray(obs.map((o) => o.kind))}::smallint[], ${pgArray(obs.map((o) => o.valueHash.toString("hex")))}::text[],
        ${pgArray(obs.map((o) => o.reportId))}::uuid[], ${pgArray(obs.map((o) => o.unitId))}::smallint[],
        ${pgArray(obs.map((o) => (o.observedAt ?? new Date()).toISOString()))}::timestamptz[])
        AS y(kind, hash, report_id, unit_id, observed_at)
      WHERE y.report_id IN (SELECT id FROM r)
    ),
    a AS (
      INSERT INTO audit_events (organisation_id, actor_user_id, ip, user_agent, type, payload)
      SELECT NULL, actor, ip, ua, 'hub.report_received', payload::jsonb
      FROM unnest(${pgArray(rows.map((r) => r.id))}::uuid[], ${pgArray(audits.map((a) => a.ctx.actor?.userId ?? null))}::uuid[],
        ${pgArray(audits.map((a) => a.ctx.ip))}::text[], ${pgArray(audits.map((a) => a.ctx.userAgent))}::text[],
        ${pgArray(audits.map((a) => a.payload))}::text[]) AS z(report_id, actor, ip, ua, payload)
      WHERE z.report_id IN (SELECT id FROM r)
    )
    SELECT id FROM r`)) as unknown as { rows: { id: string }[] };
  const ids = new Set(result.rows.map((r) => r.id));
  await raiseAlerts(
    tx,
    reports
      .filter((r) => ids.has(r.row.id) && r.observations.length > 0)
      .map(({ ctx, row }) => ({ id: row.id, reference: row.reference, unitId: row.unitId, ctx })),
  );
  return ids;
}

/** The audit payload exactly as recordAudit stores it: validated by the event union, type apart. */
function auditPayload(event: TAuditEvent): string {
  const { type: _type, ...payload } = ZAuditEvent.parse(event);
  return JSON.stringify(payload);
}

/**
 * One report (the public form): prepared and written inside the caller's transaction.
 * Returns null when an organisation submission with the same submissionId already exists.
 */
export async function storeReport(
  tx: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  input: StoreInput,
): Promise<{ id: string; reference: string; receivedAt: Date; receiptToken: string } | null> {
  const prepared = prepareReport(ctx, ring, input);
  const ids = await writeReports(tx, [prepared]);
  if (!ids.has(prepared.row.id)) return null;
  const { id, reference, receivedAt } = prepared.row;
  return { id, reference, receivedAt, receiptToken: prepared.receiptToken };
}
