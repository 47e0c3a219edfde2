import { AppError, type THubReceipt } from "@sonae/core";
import { type Db, hubOrgKeys, hubReports } from "@sonae/db";
import { and, inArray, isNotNull, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/http/request-context";
import { recordAuditEvents } from "../store/audit-rows";
import { pgArray } from "../store/pg-array";
import type { ItemOutcome } from "./intake-batcher";
import { purgeOldNonces } from "./nonces.repo";
import { PendingQuota, recordPendingUsage } from "./pending-quota";
import { type PreparedReport, writeReports } from "./report-store";
import { refuse, type UnconfirmedLaneLimits, unconfirmedLaneLimits } from "./unconfirmed-lane-limits";

/** A signed submission after its CPU work: verified, parsed, sealed, hashed, numbered. */
export type PreparedSigned = {
  ctx: RequestContext;
  fingerprint: string;
  publicKey: string;
  /** `sig:<fingerprint>:<nonce>`: nonces are per key. */
  nonceKey: string;
  orgName: string;
  unitId: number;
  submissionId: string;
  report: PreparedReport;
};

export type SignedOutcome = { receipt: THubReceipt; created: boolean };
type KeyRow = { id: string; status: "pending" | "active" | "revoked" };

/** What a report costs the lane's byte quota: its sealed payload. */
const sizeOf = (item: PreparedSigned) => item.report.row.payloadEnc?.length ?? 0;
const fail = (error: AppError): ItemOutcome<SignedOutcome> => ({ ok: false, error });
const replay = () =>
  new AppError("CONFLICT", {
    detail: {
      ja: "この要求は既に処理されています(再送)。",
      en: "This request was already processed (replay).",
    },
  });

/**
 * One round trip for the hot path: the batch's keys by fingerprint (`= ANY`) and its nonces burned
 * in a multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING` — except those of revoked keys, which
 * are refused without burning the nonce (as before batching). Returns the keys found and the fresh nonces.
 */
async function claimNoncesAndFindKeys(
  tx: Db,
  items: readonly PreparedSigned[],
): Promise<{ keys: Map<string, KeyRow>; fresh: Set<string> }> {
  const fingerprints = [...new Set(items.map((i) => i.fingerprint))];
  const nonces = new Map<string, string>();
  for (const i of items) if (!nonces.has(i.nonceKey)) nonces.set(i.nonceKey, i.fingerprint);
  const result = (await tx.execute(sql`
    WITH k AS (SELECT id, status, fingerprint FROM hub_org_keys WHERE fingerprint = ANY(${pgArray(fingerprints)}::text[])),
    n AS (
      INSERT INTO hub_nonces (nonce)
      SELECT x.nonce FROM unnest(${pgArray([...nonces.keys()])}::text[], ${pgArray([...nonces.values()])}::text[]) AS x(nonce, fp)
      WHERE NOT EXISTS (SELECT 1 FROM k WHERE k.fingerprint = x.fp AND k.status = 'revoked')
      ON CONFLICT DO NOTHING RETURNING nonce
    )
    SELECT 'key' AS what, fingerprint AS value, id::text AS id, status FROM k
    UNION ALL SELECT 'nonce', nonce, NULL, NULL FROM n`)) as unknown as {
    rows: { what: "key" | "nonce"; value: string; id: string | null; status: KeyRow["status"] | null }[];
  };
  const keys = new Map<string, KeyRow>();
  const fresh = new Set<string>();
  for (const r of result.rows) {
    if (r.what === "nonce") fresh.add(r.value);
    else keys.set(r.value, { id: r.id!, status: r.status! });
  }
  return { keys, fresh };
}

/**
 * Keys seen for the first time are enrolled as pending (first submission enrols), with their audit
 * event, in the batch's transaction. Rare: only the first batch of a new organisation gets here.
 */
async function enrolKeys(
  tx: Db,
  items: readonly PreparedSigned[],
  keys: Map<string, KeyRow>,
  limits: UnconfirmedLaneLimits,
) {
  const unknown = [...new Set(items.map((i) => i.fingerprint))].filter((f) => !keys.has(f));
  if (unknown.length === 0) return;
  // The global cap on pending keys: the keys past it are not enrolled (their items get 503).
  unknown.splice(await PendingQuota.enrolmentRoom(tx, limits));
  if (unknown.length === 0) return;
  const first = unknown.map((f) => items.find((i) => i.fingerprint === f)!);
  const created = await tx
    .insert(hubOrgKeys)
    .values(
      first.map((i) => ({
        fingerprint: i.fingerprint,
        publicKey: i.publicKey,
        orgName: i.orgName,
        prefectureUnitId: i.unitId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: hubOrgKeys.id, status: hubOrgKeys.status, fingerprint: hubOrgKeys.fingerprint });
  for (const k of created) keys.set(k.fingerprint, k);
  await recordAuditEvents(
    tx,
    created.map((k) => ({
      ctx: first.find((i) => i.fingerprint === k.fingerprint)!.ctx,
      event: { type: "hub.org_key_registered", keyId: k.id, fingerprint: k.fingerprint },
    })),
  );
  // Enrolled meanwhile by another hub process (its insert won): read it back, committed by now.
  const raced = unknown.filter((f) => !keys.has(f));
  if (raced.length === 0) return;
  const rows = await tx
    .select({ id: hubOrgKeys.id, status: hubOrgKeys.status, fingerprint: hubOrgKeys.fingerprint })
    .from(hubOrgKeys)
    .where(inArray(hubOrgKeys.fingerprint, raced));
  for (const k of rows) keys.set(k.fingerprint, k);
}

/**
 * Writes a batch of signed submissions in ONE transaction with set-based statements and returns
 * an outcome per item, the same as one-at-a-time intake gave: unknown key → enrolled pending;
 * revoked key → 403 (its nonce is not burned); replayed nonce → 409 for that request only; a
 * retry of a stored submissionId → the original receipt (created: false). Throws only on an
 * unexpected failure, and then nothing of the batch is committed.
 */
export async function writeSignedBatch(
  db: Db,
  items: readonly PreparedSigned[],
  limits: UnconfirmedLaneLimits = unconfirmedLaneLimits(),
): Promise<ItemOutcome<SignedOutcome>[]> {
  await purgeOldNonces(db);
  return db.transaction(async (tx) => {
    const out: ItemOutcome<SignedOutcome>[] = new Array(items.length);
    const { keys, fresh } = await claimNoncesAndFindKeys(tx, items);
    await enrolKeys(tx, items, keys, limits);
    const live: number[] = [];
    items.forEach((item, i) => {
      const key = keys.get(item.fingerprint);
      if (!key) out[i] = fail(refuse.full());
      else if (key.status === "revoked") out[i] = fail(new AppError("FORBIDDEN"));
      else live.push(i);
    });
    const pendingIds = [...new Set(live.map((i) => keys.get(items[i]!.fingerprint)!))]
      .filter((k) => k.status === "pending")
      .map((k) => k.id);
    const quota = pendingIds.length > 0 ? await PendingQuota.load(tx, limits, pendingIds) : null;
    // First of a submissionId in the batch writes; a later copy (a retry racing its original) follows it.
    const primaries: number[] = [];
    const followers: [number, number][] = [];
    const bySubmission = new Map<string, number>();
    for (const i of live) {
      const item = items[i]!;
      if (!fresh.delete(item.nonceKey)) {
        out[i] = fail(replay());
        continue;
      }
      const key = keys.get(item.fingerprint)!;
      const keyId = key.id;
      item.report.row.orgKeyId = keyId;
      const sameAs = bySubmission.get(`${keyId}\u0000${item.submissionId}`);
      const refused =
        sameAs === undefined && key.status === "pending" ? quota!.admit(keyId, sizeOf(item)) : null;
      if (refused) out[i] = fail(refused);
      else if (sameAs === undefined) {
        bySubmission.set(`${keyId}\u0000${item.submissionId}`, i);
        primaries.push(i);
      } else followers.push([i, sameAs]);
    }

    const inserted = await writeReports(
      tx,
      primaries.map((i) => items[i]!.report),
    );
    const retried = primaries.filter((i) => !inserted.has(items[i]!.report.row.id));
    const existing = new Map<string, { reference: string; receivedAt: Date; unitId: number }>();
    if (retried.length > 0) {
      const rows = await tx
        .select({
          orgKeyId: hubReports.orgKeyId,
          submissionId: hubReports.submissionId,
          reference: hubReports.reference,
          receivedAt: hubReports.receivedAt,
          unitId: hubReports.unitId,
        })
        .from(hubReports)
        .where(
          and(
            isNotNull(hubReports.submissionId),
            inArray(hubReports.submissionId, [...new Set(retried.map((i) => items[i]!.submissionId))]),
          ),
        );
      for (const r of rows) existing.set(`${r.orgKeyId}\u0000${r.submissionId}`, r);
    }
    for (const i of primaries) {
      const item = items[i]!;
      const keyStatus = keys.get(item.fingerprint)!.status;
      const { row } = item.report;
      if (inserted.has(row.id)) {
        out[i] = {
          ok: true,
          value: {
            created: true,
            receipt: {
              reference: row.reference,
              receivedAt: row.receivedAt.toISOString(),
              unitId: row.unitId,
              keyStatus,
            },
          },
        };
        continue;
      }
      // Retry of a submission already stored (its answer was lost): the original receipt, no duplicate.
      const found = existing.get(`${row.orgKeyId}\u0000${item.submissionId}`);
      out[i] = found
        ? {
            ok: true,
            value: {
              created: false,
              receipt: {
                reference: found.reference,
                receivedAt: found.receivedAt.toISOString(),
                unitId: found.unitId,
                keyStatus,
              },
            },
          }
        : fail(new AppError("CONFLICT"));
    }
    const stored = new Map<string, { reports: number; bytes: number }>();
    for (const i of primaries) {
      const item = items[i]!;
      if (keys.get(item.fingerprint)!.status !== "pending" || !inserted.has(item.report.row.id)) continue;
      const usage = stored.get(item.report.row.orgKeyId!) ?? { reports: 0, bytes: 0 };
      usage.reports++;
      usage.bytes += sizeOf(item);
      stored.set(item.report.row.orgKeyId!, usage);
    }
    await recordPendingUsage(tx, stored);
    for (const [i, primary] of followers) {
      const first = out[primary]!;
      out[i] = first.ok ? { ok: true, value: { ...first.value, created: false } } : first;
    }
    return out;
  });
}
