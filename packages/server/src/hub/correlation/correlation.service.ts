import { AppError, type THubAlert, type THubRelatedCase } from "@sonae/core";
import { type Db, hubAlerts, hubReports } from "@sonae/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { openPayload } from "../cases/case.present";
import { visibilityOf } from "../cases/case-access";
import { authoriseCase } from "../cases/case-rights";
import type { HubKeyring } from "../store/hub-keyring";
import { HUB_INDICATOR_KINDS, kindCode } from "./collect-indicators";
import { findRelatedHits, hashIndicatorValue } from "./observations.repo";

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

/** Alerts for the actor's unit, newest first. The view is audited with the alerts it showed. */
export async function listAlerts(db: Db, ctx: RequestContext, actor: HubActor): Promise<THubAlert[]> {
  const rows = await db
    .select({ alert: hubAlerts, reference: hubReports.reference })
    .from(hubAlerts)
    .innerJoin(hubReports, eq(hubReports.id, hubAlerts.reportId))
    .where(eq(hubAlerts.unitId, actor.unitId))
    .orderBy(desc(hubAlerts.createdAt))
    .limit(200);
  await recordAudit(db, ctx, {
    type: "hub.alerts_viewed",
    unitId: actor.unitId,
    alertIds: rows.map((r) => r.alert.id),
  });
  return rows.map(({ alert, reference }) => ({
    id: alert.id,
    reportId: alert.reportId,
    reference,
    relatedCount: alert.relatedCount,
    createdAt: alert.createdAt.toISOString(),
    seen: alert.seenAt !== null,
  }));
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
