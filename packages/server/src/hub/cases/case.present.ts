import { isSlaBreached, type THubCaseSummary } from "@sonae/core";
import type { hubReports } from "@sonae/db";
import { identityOf, type KeyFacts } from "../auth/org-identity";
import type { SealedPayload } from "../intake/report-store";
import { openJson, unwrapDataKey } from "../store/envelope";
import type { HubKeyring } from "../store/hub-keyring";

type Row = typeof hubReports.$inferSelect;

export function openPayload(ring: HubKeyring, row: Row): { dek: Buffer; sealed: SealedPayload } {
  const dek = unwrapDataKey(ring.kek, row.wrappedKey, row.id);
  return { dek, sealed: openJson<SealedPayload>(dek, row.payloadEnc, `payload:${row.id}`) };
}

/** One queue row; `key` is the signing key's facts (from `loadKeyFacts`) for organisation reports. */
export function presentCaseSummary(
  row: Row,
  sealed: SealedPayload,
  key: KeyFacts | undefined,
  now = new Date(),
): THubCaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    source: row.source,
    kind: row.kind,
    unitId: row.unitId,
    status: row.status,
    category: (row.category ?? null) as THubCaseSummary["category"],
    priority: row.priority ?? null,
    title: sealed.title,
    reporterName: sealed.reporterName,
    receivedAt: row.receivedAt.toISOString(),
    ackDueAt: row.ackDueAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    responseDueAt: row.responseDueAt?.toISOString() ?? null,
    slaBreached: isSlaBreached(row, now),
    assigneeUserId: row.assigneeUserId,
    escalated: row.escalatedAt !== null,
    identity: identityOf(row, sealed, key),
  };
}
