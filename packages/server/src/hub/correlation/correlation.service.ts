import { AppError, type THubAlert, type THubAlertRelated, type THubRelatedCase } from "@sonae/core";
import { type Db, hubAlerts, hubReportShares, hubReports } from "@sonae/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { hubRightAllows, relationToCase } from "../auth/hub-rights";
import { openPayload } from "../cases/case.present";
import { visibilityOf } from "../cases/case-access";
import { authoriseCase } from "../cases/case-rights";
import type { HubKeyring } from "../store/hub-keyring";
import { HUB_INDICATOR_KINDS, kindCode } from "./collect-indicators";
import { findRelatedHits, findRelatedHitsOfMany, hashIndicatorValue } from "./observations.repo";

/**
 * Cases sharing indicators with one case, limited to what the analyst's unit may see. The shared
 * values are shown from the case being viewed (its own decrypted indicators), matched by hash.
 */
export async function getRelatedCases(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  reportId: string,
): Promise<THubRelatedCase[]> {
  const row = await authoriseCase(db, ctx, actor, reportId, "case.related");
  const { sealed } = openPayload(ring, row);
  const byHash = new Map(
    sealed.indicators.map((i) => [
      `${kindCode(i.kind)}:${hashIndicatorValue(ring.indexKey, i.kind, i.value).toString("hex")}`,
      i,
    ]),
  );
  const hits = await findRelatedHits(db, row.id, visibilityOf(actor));
  const grouped = new Map<string, THubRelatedCase["shared"]>();
  for (const h of hits) {
    const indicator = byHash.get(`${h.kind}:${h.valueHashHex}`);
    const kind = HUB_INDICATOR_KINDS[h.kind];
    if (!kind) continue;
    const list = grouped.get(h.reportId) ?? [];
    list.push({ kind, value: indicator?.value ?? "" });
    grouped.set(h.reportId, list);
  }
  const ids = [...grouped.keys()];
  const rows = ids.length ? await db.select().from(hubReports).where(inArray(hubReports.id, ids)) : [];
  await recordAudit(db, ctx, {
    type: "hub.related_viewed",
    reportId: row.id,
    reference: row.reference,
    count: rows.length,
  });
  return rows
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      unitId: r.unitId,
      receivedAt: r.receivedAt.toISOString(),
      shared: grouped.get(r.id) ?? [],
    }))
    .sort((a, b) => b.shared.length - a.shared.length || b.receivedAt.localeCompare(a.receivedAt));
}

/**
 * Alerts for the actor's unit, newest first (or the alerts of one case). Each alert names the earlier
 * cases it matched and the indicators they share (values the warning list marks as noise are never
 * indexed, and are filtered here too): a case the actor's unit may read under the rights table is
 * named by its reference; any other is only "a case in another unit" (`case: null`). The view is
 * audited with the alerts it showed.
 */
export async function listAlerts(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  filter: { reportId?: string } = {},
): Promise<THubAlert[]> {
  const rows = await db
    .select({ alert: hubAlerts, report: hubReports })
    .from(hubAlerts)
    .innerJoin(hubReports, eq(hubReports.id, hubAlerts.reportId))
    .where(
      and(
        eq(hubAlerts.unitId, actor.unitId),
        filter.reportId ? eq(hubAlerts.reportId, filter.reportId) : undefined,
      ),
    )
    .orderBy(desc(hubAlerts.createdAt))
    .limit(filter.reportId ? 1 : 100);
  const related = await relatedOfAlerts(
    db,
    ring,
    actor,
    rows.map((r) => r.report),
  );
  await recordAudit(db, ctx, {
    type: "hub.alerts_viewed",
    unitId: actor.unitId,
    alertIds: rows.map((r) => r.alert.id),
  });
  return rows.map(({ alert, report }) => ({
    id: alert.id,
    reportId: alert.reportId,
    reference: report.reference,
    relatedCount: alert.relatedCount,
    createdAt: alert.createdAt.toISOString(),
    seen: alert.seenAt !== null,
    related: related.get(report.id) ?? [],
  }));
}

/** Per alerting report: the cases it matched (named only when the actor may read them) and the shared values. */
async function relatedOfAlerts(
  db: Db,
  ring: HubKeyring,
  actor: HubActor,
  reports: (typeof hubReports.$inferSelect)[],
): Promise<Map<string, THubAlertRelated[]>> {
  const hits = await findRelatedHitsOfMany(
    db,
    reports.map((r) => r.id),
  );
  const otherIds = [...new Set(hits.map((h) => h.reportId))];
  const others = otherIds.length
    ? await db
        .select({
          id: hubReports.id,
          reference: hubReports.reference,
          unitId: hubReports.unitId,
          reason: hubReportShares.reason,
        })
        .from(hubReports)
        .leftJoin(
          hubReportShares,
          and(eq(hubReportShares.reportId, hubReports.id), eq(hubReportShares.unitId, actor.unitId)),
        )
        .where(inArray(hubReports.id, otherIds))
    : [];
  const readable = new Map(
    others
      .filter((o) => hubRightAllows(actor.hubRole, relationToCase(actor, o.unitId, o.reason), "case.read"))
      .map((o) => [o.id, { id: o.id, reference: o.reference, unitId: o.unitId }]),
  );
  const out = new Map<string, THubAlertRelated[]>();
  for (const report of reports) {
    // The values come from the alerting report itself (decrypted), matched to the hits by keyed hash.
    const values = new Map(
      openPayload(ring, report)
        .sealed.indicators.filter((i) => !i.noisy)
        .map((i) => [
          `${kindCode(i.kind)}:${hashIndicatorValue(ring.indexKey, i.kind, i.value).toString("hex")}`,
          i,
        ]),
    );
    const byOther = new Map<string, THubAlertRelated>();
    for (const h of hits) {
      if (h.fromReportId !== report.id) continue;
      const indicator = values.get(`${h.kind}:${h.valueHashHex}`);
      if (!indicator) continue;
      const entry = byOther.get(h.reportId) ?? { case: readable.get(h.reportId) ?? null, shared: [] };
      if (!entry.shared.some((s) => s.kind === indicator.kind && s.value === indicator.value))
        entry.shared.push({ kind: indicator.kind, value: indicator.value });
      byOther.set(h.reportId, entry);
    }
    // Cases the actor may read first; the others are not told apart (no reference, no unit).
    out.set(
      report.id,
      [...byOther.values()].sort((a, b) => Number(b.case !== null) - Number(a.case !== null)),
    );
  }
  return out;
}

export async function markAlertSeen(db: Db, actor: HubActor, alertId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(alertId)) throw new AppError("NOT_FOUND");
  const updated = await db
    .update(hubAlerts)
    .set({ seenAt: new Date() })
    .where(and(eq(hubAlerts.id, alertId), eq(hubAlerts.unitId, actor.unitId)))
    .returning({ id: hubAlerts.id });
  if (updated.length === 0) throw new AppError("NOT_FOUND");
}
