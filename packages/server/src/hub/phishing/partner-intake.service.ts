import { AppError, type TUrlBatchResult } from "@sonae/core";
import type { Db, hubUrlPartners } from "@sonae/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { storePassiveDns } from "./passive-dns.service";
import { fillProposalsLater } from "./proposal-filler";
import { type BatchFormat, parseBatch } from "./url-batch-parse";
import { lineResults, prepareUrls, recordSightings } from "./url-store.service";

type Partner = typeof hubUrlPartners.$inferSelect;

/** Thrown when a batch would take a partner over its daily quota: answered 429 with Retry-After. */
export class QuotaExceeded extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    quota: number,
  ) {
    super("RATE_LIMITED", {
      detail: {
        ja: `本日(UTC)の送信上限 ${quota} 件を超えます。翌日(UTC 0時以降)に送ってください。このバッチは受け付けていません。`,
        en: `This batch would exceed today's quota of ${quota} URLs (UTC day). Nothing was accepted; send it after 00:00 UTC.`,
      },
    });
  }
}

const secondsToUtcMidnight = (now: Date) =>
  Math.ceil((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000);

/**
 * A partner's batch: parsed per line, normalised, the quota taken for the accepted URLs, then
 * URL records, sightings, passive DNS and the audit row in ONE transaction. Lines that fail are
 * reported with their number and a ja/en message; the others are accepted (partial success).
 */
export async function submitPartnerBatch(
  db: Db,
  ctx: RequestContext,
  partner: Partner,
  format: BatchFormat,
  body: string,
  now = new Date(),
): Promise<TUrlBatchResult> {
  if (!partner.canSubmit)
    throw new AppError("FORBIDDEN", {
      detail: { ja: "このパートナーには送信権限がありません。", en: "This partner may not submit URLs." },
    });
  const parsed = parseBatch(format, body);
  const whole = parsed.problems.find((p) => p.line === 0 || p.code === "CSV_HEADER");
  if (whole) throw new AppError("VALIDATION", { field: "body", detail: whole.message });
  const sighting = { source: "partner" as const, unitId: partner.unitId, partnerId: partner.id };
  const { prepared, failures } = prepareUrls(
    parsed.urls.map((u) => ({
      line: u.line,
      raw: u.url,
      sighting: { ...sighting, sourceRef: u.ref, brandHint: u.brand, seenAt: u.seenAt },
    })),
  );
  // The quota is taken in its own short statement (autocommit) and given back if the batch fails:
  // inside the batch transaction its row lock would serialise every batch of the partner.
  const day = now.toISOString().slice(0, 10);
  if (prepared.length) await takeQuota(db, partner, prepared.length, now);
  const written = db.transaction(async (tx) => {
    const { created, createdCanonicals } = await recordSightings(tx, prepared);
    const dns = await storePassiveDns(tx, parsed.passiveDns, partner.name, partner.id);
    const problems = parsed.problems.map((p) => ({
      line: p.line,
      ok: false,
      error: { code: p.code, message: p.message },
    }));
    const lines = lineResults(prepared, [...failures, ...problems], created);
    const result = {
      accepted: prepared.length,
      created: created.size,
      rejected: failures.length + problems.length,
      passiveDns: dns,
      lines,
    };
    await recordAudit(tx, ctx, {
      type: "hub.urls_received",
      source: "partner",
      partnerId: partner.id,
      reportId: null,
      accepted: result.accepted,
      created: result.created,
      rejected: result.rejected,
    });
    if (dns)
      await recordAudit(tx, ctx, { type: "hub.passive_dns_received", partnerId: partner.id, records: dns });
    return { result, createdCanonicals };
  });
  const { result, createdCanonicals } = await written.catch(async (error: unknown) => {
    if (prepared.length) await giveBackQuota(db, partner, prepared.length, day);
    throw error;
  });
  fillProposalsLater(db, createdCanonicals);
  return result;
}

async function giveBackQuota(
  db: Pick<Db, "execute">,
  partner: Partner,
  n: number,
  day: string,
): Promise<void> {
  await db.execute(sql`UPDATE hub_url_partner_usage SET urls = greatest(0, urls - ${n}::int)
    WHERE partner_id = ${partner.id}::uuid AND day = ${day}::date`);
}

/** Adds `n` to today's count if it stays within the quota (one statement: no race between batches, no lock held). */
async function takeQuota(tx: Pick<Db, "execute">, partner: Partner, n: number, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  const res = (await tx.execute(sql`
    INSERT INTO hub_url_partner_usage (partner_id, day, urls)
    SELECT ${partner.id}::uuid, ${day}::date, ${n}::int WHERE ${n}::int <= ${partner.dailyQuota}::int
    ON CONFLICT (partner_id, day) DO UPDATE SET urls = hub_url_partner_usage.urls + excluded.urls
      WHERE hub_url_partner_usage.urls + excluded.urls <= ${partner.dailyQuota}::int
    RETURNING urls`)) as unknown as { rows: unknown[] };
  if (res.rows.length === 0) throw new QuotaExceeded(secondsToUtcMidnight(now), partner.dailyQuota);
}
