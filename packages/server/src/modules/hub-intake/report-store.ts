import { randomBytes, randomUUID } from "node:crypto";
import { computeAckDue, type THubReportKind } from "@sonae/core";
import { type Db, hubReports } from "@sonae/db";
import { sql } from "drizzle-orm";
import type { RequestContext } from "../../http/request-context";
import { hashToken } from "../auth/session.repo";
import type { HubIndicator } from "../hub-correlation/collect-indicators";
import { raiseAlerts } from "../hub-correlation/hub-alerts.service";
import {
  insertObservationRows,
  type ObservationRow,
  observationRows,
} from "../hub-correlation/observations.repo";
import { recordAuditEvents } from "../hub-store/audit-rows";
import { newDataKey, sealJson } from "../hub-store/envelope";
import type { HubKeyring } from "../hub-store/hub-keyring";

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
  row: typeof hubReports.$inferInsert & { id: string; reference: string; receivedAt: Date; unitId: number };
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
 * Writes prepared reports with set-based statements inside the caller's transaction: one
 * multi-row INSERT of reports, one of observations, one of audit events, one for alerts. The
 * receipt is only given after this commits. Returns the ids actually inserted: an organisation
 * submission whose (key, submissionId) already exists conflicts on the partial unique index and
 * is skipped (the caller answers with the original receipt).
 */
export async function writeReports(tx: Db, reports: readonly PreparedReport[]): Promise<Set<string>> {
  if (reports.length === 0) return new Set();
  const inserted = await tx
    .insert(hubReports)
    .values(reports.map((r) => r.row))
    .onConflictDoNothing({
      target: [hubReports.orgKeyId, hubReports.submissionId],
      where: sql`${hubReports.submissionId} IS NOT NULL`,
    })
    .returning({ id: hubReports.id });
  const ids = new Set(inserted.map((r) => r.id));
  const written = reports.filter((r) => ids.has(r.row.id));
  await insertObservationRows(
    tx,
    written.flatMap((r) => r.observations),
  );
  await recordAuditEvents(
    tx,
    written.map(({ ctx, row }) => ({
      ctx,
      event: {
        type: "hub.report_received",
        reportId: row.id,
        reference: row.reference,
        source: row.source,
        unitId: row.unitId,
      },
    })),
  );
  await raiseAlerts(
    tx,
    written
      .filter((r) => r.observations.length > 0)
      .map(({ ctx, row }) => ({ id: row.id, reference: row.reference, unitId: row.unitId, ctx })),
  );
  return ids;
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
