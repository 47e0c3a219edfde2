import { createHmac } from "node:crypto";
import { type Db, hubObservations } from "@sonae/db";
import { sql } from "drizzle-orm";
import { pgArray } from "../store/pg-array";
import { type HubIndicator, kindCode } from "./collect-indicators";

type Tx = Pick<Db, "insert" | "execute">;

/** Keyed hash of a normalised value: 16 bytes (128 bits) keep collisions out at billions of rows. */
export function hashIndicatorValue(indexKey: Buffer, kind: string, value: string): Buffer {
  return createHmac("sha256", indexKey).update(`${kind}\u0000${value}`).digest().subarray(0, 16);
}

export type ObservationRow = typeof hubObservations.$inferInsert;

/**
 * One row per non-noisy indicator of the report (never per pair of reports). Pure CPU work (HMAC),
 * done before the report reaches the database so a batched write only ships bytes.
 */
export function observationRows(
  indexKey: Buffer,
  report: { id: string; unitId: number; at: Date },
  indicators: readonly HubIndicator[],
): ObservationRow[] {
  return indicators
    .filter((i) => !i.noisy)
    .map((i) => ({
      kind: kindCode(i.kind),
      valueHash: hashIndicatorValue(indexKey, i.kind, i.value),
      reportId: report.id,
      unitId: report.unitId,
      observedAt: report.at,
    }));
}

/** Writes prepared observation rows, many reports at once, in one multi-row statement. */
export async function insertObservationRows(tx: Tx, rows: readonly ObservationRow[]): Promise<number> {
  if (rows.length > 0) await tx.insert(hubObservations).values([...rows]);
  return rows.length;
}

/** One report's observations (hashing and writing); kept for the ingestion benchmark. */
export async function insertObservations(
  tx: Tx,
  indexKey: Buffer,
  report: { id: string; unitId: number; at: Date },
  indicators: readonly HubIndicator[],
): Promise<number> {
  return insertObservationRows(tx, observationRows(indexKey, report, indicators));
}

export type Visibility = { national: true } | { national: false; unitId: number };

export type RelatedHit = { reportId: string; kind: number; valueHashHex: string };

/**
 * Reports sharing at least one indicator with `reportId`, visible to `v`: per indicator of the
 * report, at most `perValue` matches so a value that slipped past the warning list cannot flood the
 * answer. No ORDER BY on purpose: the index already yields newest first, and a sort would make
 * PostgreSQL read every match of a hot value (measured: 48 ms → 8 ms for a value with 15,882
 * observations at 1M).
 *
 * National: one descent per indicator on (kind, value_hash, observed_at DESC). A unit: its own
 * reports by one descent per indicator on (kind, value_hash, unit_id, observed_at DESC), so a hot
 * value whose matches are mostly in other units costs at most `perValue` index entries instead of
 * a heap visit and a share probe per foreign match (unit p99 at 1M: 21.9 ms → 9 ms); plus the
 * reports shared to the unit, walked from hub_report_shares (few per unit: transfers and shares)
 * and each checked by its ~10 observations. `OFFSET 0` keeps that walk driven by the shares: with
 * it inlined, the planner may instead scan every match of a hot value and probe shares per row
 * (seen in EXPLAIN ANALYZE with an empty, never-analysed share table: 38 ms for one lookup at 1M).
 */
export async function findRelatedHits(
  db: Pick<Db, "execute">,
  reportId: string,
  v: Visibility,
  perValue = 50,
): Promise<RelatedHit[]> {
  const query = v.national
    ? sql`
      SELECT m.report_id AS "reportId", o1.kind AS kind, encode(o1.value_hash, 'hex') AS "valueHashHex"
      FROM hub_observations o1
      CROSS JOIN LATERAL (
        SELECT o2.report_id FROM hub_observations o2
        WHERE o2.kind = o1.kind AND o2.value_hash = o1.value_hash AND o2.report_id <> o1.report_id
        LIMIT ${perValue}
      ) m
      WHERE o1.report_id = ${reportId}`
    : sql`
      SELECT m.report_id AS "reportId", o1.kind AS kind, encode(o1.value_hash, 'hex') AS "valueHashHex"
      FROM hub_observations o1
      CROSS JOIN LATERAL (
        SELECT o2.report_id FROM hub_observations o2
        WHERE o2.kind = o1.kind AND o2.value_hash = o1.value_hash AND o2.unit_id = ${v.unitId}
          AND o2.report_id <> o1.report_id
        LIMIT ${perValue}
      ) m
      WHERE o1.report_id = ${reportId}
      UNION ALL
      SELECT s.report_id, o2.kind, encode(o2.value_hash, 'hex')
      FROM hub_report_shares s
      CROSS JOIN LATERAL (
        SELECT o2.kind, o2.value_hash FROM hub_observations o2
        WHERE o2.report_id = s.report_id AND o2.unit_id <> ${v.unitId}
        OFFSET 0
      ) o2
      WHERE s.unit_id = ${v.unitId} AND s.report_id <> ${reportId}
        AND EXISTS (SELECT 1 FROM hub_observations o1
          WHERE o1.report_id = ${reportId} AND o1.kind = o2.kind AND o1.value_hash = o2.value_hash)`;
  const result = (await db.execute(query)) as unknown as { rows: RelatedHit[] };
  return result.rows.map((r) => ({ ...r, kind: Number(r.kind) }));
}

/** Keeps observation rows in step with the owning unit after a transfer. */
export async function moveObservations(tx: Pick<Db, "execute">, reportId: string, unitId: number) {
  await tx.execute(sql`UPDATE hub_observations SET unit_id = ${unitId} WHERE report_id = ${reportId}`);
}

/**
 * For several reports at once, every report (in any unit) sharing an indicator with each, with the
 * shared (kind, hash): `perValue` matches per indicator, as findRelatedHits. One statement for a page
 * of alerts; visibility is decided by the caller, which must hide what the viewer may not see.
 */
export async function findRelatedHitsOfMany(
  db: Pick<Db, "execute">,
  reportIds: readonly string[],
  perValue = 50,
): Promise<(RelatedHit & { fromReportId: string })[]> {
  if (reportIds.length === 0) return [];
  const result = (await db.execute(sql`
    SELECT o1.report_id AS "fromReportId", m.report_id AS "reportId", o1.kind AS kind,
      encode(o1.value_hash, 'hex') AS "valueHashHex"
    FROM hub_observations o1
    CROSS JOIN LATERAL (
      SELECT o2.report_id FROM hub_observations o2
      WHERE o2.kind = o1.kind AND o2.value_hash = o1.value_hash AND o2.report_id <> o1.report_id
      LIMIT ${perValue}
    ) m
    WHERE o1.report_id = ANY(${pgArray(reportIds)}::uuid[])`)) as unknown as {
    rows: (RelatedHit & { fromReportId: string })[];
  };
  return result.rows.map((r) => ({ ...r, kind: Number(r.kind) }));
}

/**
 * How many other reports, in any unit, share at least one indicator with each report (distinct
 * reports, at most `perValue` looked at per indicator). Counting is all it reveals: it lets an intake
 * officer, who may not open related cases, see that some exist and hand the case to an analyst.
 */
export async function countRelated(
  db: Pick<Db, "execute">,
  reportIds: readonly string[],
  perValue = 50,
): Promise<Map<string, number>> {
  if (reportIds.length === 0) return new Map();
  const result = (await db.execute(sql`
    SELECT o1.report_id AS id, count(DISTINCT m.report_id)::int AS n
    FROM hub_observations o1
    CROSS JOIN LATERAL (
      SELECT o2.report_id FROM hub_observations o2
      WHERE o2.kind = o1.kind AND o2.value_hash = o1.value_hash AND o2.report_id <> o1.report_id
      LIMIT ${perValue}
    ) m
    WHERE o1.report_id = ANY(${pgArray(reportIds)}::uuid[])
    GROUP BY o1.report_id`)) as unknown as { rows: { id: string; n: number }[] };
  return new Map(result.rows.map((r) => [r.id, Number(r.n)]));
}
