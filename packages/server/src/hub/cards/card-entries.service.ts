import { AppError, HUB_CARD_BRANDS, type THubCardBrand, type THubCardEntry } from "@sonae/core";
import type { Db } from "@sonae/db";
import { type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { type HubActor, hubCan } from "../auth/hub.policy";

type EntryRow = {
  id: string;
  unit_id: number;
  brand: THubCardBrand;
  first6: string;
  last4: string;
  pan_length: number;
  exposed_expiry: boolean;
  exposed_cvc: boolean;
  exposed_holder: boolean;
  exposed_3ds: boolean;
  source_kind: "case" | "phishing_url" | "seized_dataset";
  source_ref: string;
  learned_on: string | Date;
  created_at: string | Date;
  batch_id: string | null;
  batch_at: string | Date | null;
};

const HOUR = 3_600_000;
const iso = (d: string | Date) => new Date(d).toISOString();
const day = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));
/** A learning date counts from the start of that day in Japan (UTC+9). */
const learnedAt = (d: string | Date) => Date.parse(`${day(d)}T00:00:00+09:00`);

/** Masked and never more: first six, stars, last four (PCI DSS 3.4.1). */
export function presentCardEntry(r: EntryRow, now = Date.now()): THubCardEntry {
  const until = r.batch_at ? Date.parse(iso(r.batch_at)) : now;
  return {
    id: r.id,
    unitId: r.unit_id,
    masked: `${r.first6}${"*".repeat(r.pan_length - 10)}${r.last4}`,
    brand: r.brand,
    exposure: {
      expiry: r.exposed_expiry,
      cvc: r.exposed_cvc,
      holder: r.exposed_holder,
      threeDs: r.exposed_3ds,
    },
    source: { kind: r.source_kind, ref: r.source_ref },
    learnedOn: day(r.learned_on),
    createdAt: iso(r.created_at),
    batchId: r.batch_id,
    ageHours: Math.max(0, Math.round(((until - learnedAt(r.learned_on)) / HOUR) * 10) / 10),
  };
}

const SELECT_ENTRY = sql`SELECT e.id, e.unit_id, e.brand, e.first6, e.last4, e.pan_length, e.exposed_expiry, e.exposed_cvc,
  e.exposed_holder, e.exposed_3ds, e.source_kind, e.source_ref, e.learned_on, e.created_at, e.batch_id,
  b.created_at AS batch_at
  FROM hub_card_entries e LEFT JOIN hub_card_batches b ON b.id = e.batch_id`;

/**
 * The units whose entries the actor may read: a given unit (if allowed), else every unit for the
 * national card role, else the actor's own unit. null = every unit.
 */
export function readableUnit(actor: HubActor, unitId?: number): number | null {
  if (unitId !== undefined) {
    if (!hubCan(actor, "cards.read", unitId)) throw new AppError("FORBIDDEN");
    return unitId;
  }
  if (actor.isNational && hubCan(actor, "cards.read", 1)) return null;
  if (!hubCan(actor, "cards.read")) throw new AppError("FORBIDDEN");
  return actor.unitId;
}

export async function findCardEntries(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  q: { unitId?: number; status: "waiting" | "sent" | "all"; limit: number; before?: string },
) {
  const unit = readableUnit(actor, q.unitId);
  const where: SQL[] = [sql`TRUE`];
  if (unit !== null) where.push(sql`e.unit_id = ${unit}`);
  if (q.status === "waiting") where.push(sql`e.batch_id IS NULL`);
  if (q.status === "sent") where.push(sql`e.batch_id IS NOT NULL`);
  if (q.before) where.push(sql`e.created_at < ${q.before}`);
  return db.transaction(async (tx) => {
    const rows = (
      (await tx.execute(
        sql`${SELECT_ENTRY} WHERE ${sql.join(where, sql` AND `)} ORDER BY e.created_at DESC, e.id LIMIT ${q.limit}`,
      )) as unknown as { rows: EntryRow[] }
    ).rows;
    const items = rows.map((r) => presentCardEntry(r));
    await recordAudit(tx, ctx, { type: "hub.cards_viewed", unitId: unit, entryIds: items.map((i) => i.id) });
    return { items, nextBefore: items.length === q.limit ? (items.at(-1)?.createdAt ?? null) : null };
  });
}

/** One entry; invisible (another unit's, seen from a prefecture) → 404. */
export async function getCardEntry(db: Db, ctx: RequestContext, actor: HubActor, id: string) {
  return db.transaction(async (tx) => {
    const row = (
      (await tx.execute(sql`${SELECT_ENTRY} WHERE e.id = ${id}`)) as unknown as { rows: EntryRow[] }
    ).rows[0];
    if (!row || !hubCan(actor, "cards.read", row.unit_id)) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "hub.card_viewed", entryId: id, unitId: row.unit_id });
    return presentCardEntry(row);
  });
}

/** Numbers waiting per brand and the oldest of each (aim: in a batch within 24 hours of entry). */
export async function getCardDashboard(db: Db, ctx: RequestContext, actor: HubActor) {
  const unit = readableUnit(actor);
  return db.transaction(async (tx) => {
    const rows = (
      (await tx.execute(sql`
        SELECT brand, count(*)::int AS n, min(learned_on) AS oldest FROM hub_card_entries
        WHERE batch_id IS NULL ${unit === null ? sql`` : sql`AND unit_id = ${unit}`}
        GROUP BY brand`)) as unknown as { rows: { brand: THubCardBrand; n: number; oldest: string | Date }[] }
    ).rows;
    const now = Date.now();
    const waiting = HUB_CARD_BRANDS.map((brand) => {
      const r = rows.find((x) => x.brand === brand);
      return {
        brand,
        count: r?.n ?? 0,
        oldestLearnedOn: r ? day(r.oldest) : null,
        oldestAgeHours: r ? Math.round(((now - learnedAt(r.oldest)) / HOUR) * 10) / 10 : 0,
      };
    });
    await recordAudit(tx, ctx, { type: "hub.card_dashboard_viewed", unitId: unit });
    return {
      scope: unit === null ? ("national" as const) : ("unit" as const),
      waiting,
      totalWaiting: waiting.reduce((s, w) => s + w.count, 0),
    };
  });
}
