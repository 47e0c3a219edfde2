import { NATIONAL_UNIT_ID } from "@sonae/core";
import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/http/request-context";
import { pgArray } from "../store/pg-array";

type Tx = Pick<Db, "execute">;

/** A report just written (its observations too), in the order the batch received them. */
export type NewReport = { id: string; reference: string; unitId: number; ctx: RequestContext };

/**
 * After the reports' observations are in (same transaction): when a new report shares indicators
 * with earlier reports, alert the national unit (sees all) and the report's own unit if any related
 * report is visible to it. One alert row per (report, unit): alerts grow with reports, not with pairs.
 *
 * Alerts are computed here, inside the batch's transaction, with one set-based statement rather than
 * recorded as work to do after COMMIT: an acknowledged report then always has its alerts, with no
 * recovery step to run on start-up, and the statement costs one round trip per batch. "Earlier"
 * keeps today's meaning within a batch: a report is matched against committed reports and against
 * the reports before it in the batch, never against later ones (those alert about it instead).
 * Matches are capped at `perValue` per indicator, as on the case page (findRelatedHits). The alert
 * rows and their audit events (the `hub.alert_raised` shape of the audit union) are written by the
 * same statement: one round trip per batch.
 */
export async function raiseAlerts(tx: Tx, reports: readonly NewReport[], perValue = 50): Promise<number> {
  if (reports.length === 0) return 0;
  const result = (await tx.execute(sql`
    WITH b AS (
      SELECT * FROM unnest(${pgArray(reports.map((r) => r.id))}::uuid[], ${pgArray(reports.map((r) => r.unitId))}::smallint[],
        ${pgArray(reports.map((r) => r.reference))}::text[], ${pgArray(reports.map((r) => r.ctx.actor?.userId ?? null))}::uuid[],
        ${pgArray(reports.map((r) => r.ctx.ip))}::text[], ${pgArray(reports.map((r) => r.ctx.userAgent))}::text[])
        WITH ORDINALITY AS t(id, unit_id, reference, actor, ip, ua, ord)
    ),
    hits AS (
      SELECT DISTINCT b.id AS report_id, b.unit_id, m.report_id AS related_id
      FROM b
      JOIN hub_observations o1 ON o1.report_id = b.id
      CROSS JOIN LATERAL (
        SELECT o2.report_id FROM hub_observations o2
        WHERE o2.kind = o1.kind AND o2.value_hash = o1.value_hash AND o2.report_id <> o1.report_id
          AND NOT EXISTS (SELECT 1 FROM b later WHERE later.id = o2.report_id AND later.ord > b.ord)
        LIMIT ${perValue}
      ) m
    ),
    targets AS (
      SELECT report_id, ${NATIONAL_UNIT_ID}::smallint AS unit_id, count(*)::int AS related_count
      FROM hits GROUP BY report_id
      UNION ALL
      SELECT h.report_id, h.unit_id, count(*)::int
      FROM hits h
      WHERE h.unit_id <> ${NATIONAL_UNIT_ID}
        AND (EXISTS (SELECT 1 FROM hub_reports r WHERE r.id = h.related_id AND r.unit_id = h.unit_id)
          OR EXISTS (SELECT 1 FROM hub_report_shares s WHERE s.report_id = h.related_id AND s.unit_id = h.unit_id))
      GROUP BY h.report_id, h.unit_id
    ),
    raised AS (
      INSERT INTO hub_alerts (report_id, unit_id, related_count)
      SELECT report_id, unit_id, related_count FROM targets
      ON CONFLICT (report_id, unit_id) DO UPDATE SET related_count = excluded.related_count
      RETURNING report_id, unit_id, related_count
    ),
    audited AS (
      INSERT INTO audit_events (organisation_id, actor_user_id, ip, user_agent, type, payload)
      SELECT NULL, b.actor, b.ip, b.ua, 'hub.alert_raised',
        jsonb_build_object('reportId', a.report_id, 'reference', b.reference, 'unitId', a.unit_id,
          'relatedCount', a.related_count)
      FROM raised a JOIN b ON b.id = a.report_id
    )
    SELECT count(*)::int AS n FROM raised`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}
