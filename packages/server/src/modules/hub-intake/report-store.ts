import { randomBytes, randomUUID } from "node:crypto";
import { computeAckDue, type THubReportKind } from "@sonae/core";
import { type Db, hubReports } from "@sonae/db";
import { sql } from "drizzle-orm";
import type { RequestContext } from "../../http/request-context";
import { recordAudit } from "../audit/audit.service";
import { hashToken } from "../auth/session.repo";
import type { HubIndicator } from "../hub-correlation/collect-indicators";
import { raiseAlerts } from "../hub-correlation/hub-alerts.service";
import { insertObservations } from "../hub-correlation/observations.repo";
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

/**
 * Writes a report with its encrypted payload, its observations and any alerts, and the audit
 * event, all inside the caller's transaction: the receipt is only given after this commits.
 * Returns null when an organisation submission with the same submissionId already exists.
 */
export async function storeReport(
  tx: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  input: StoreInput,
): Promise<{ id: string; reference: string; receivedAt: Date; receiptToken: string } | null> {
  const id = randomUUID();
  const receivedAt = new Date();
  const reference = newReference(receivedAt);
  const receiptToken = randomBytes(24).toString("base64url");
  const key = newDataKey(ring.kek, id);
  // A second submission with the same (key, submissionId) conflicts on the partial unique index:
  // nothing is written and the caller returns the original receipt (no extra SELECT on the hot path).
  const inserted = await tx
    .insert(hubReports)
    .values({
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
    })
    .onConflictDoNothing({
      target: [hubReports.orgKeyId, hubReports.submissionId],
      where: sql`${hubReports.submissionId} IS NOT NULL`,
    })
    .returning({ id: hubReports.id });
  if (inserted.length === 0) return null;
  const observed = await insertObservations(
    tx,
    ring.indexKey,
    { id, unitId: input.unitId, at: receivedAt },
    input.sealed.indicators,
  );
  await recordAudit(
    tx,
    ctx,
    { type: "hub.report_received", reportId: id, reference, source: input.source, unitId: input.unitId },
    null,
  );
  if (observed > 0) await raiseAlerts(tx, ctx, { id, reference, unitId: input.unitId });
  return { id, reference, receivedAt, receiptToken };
}
