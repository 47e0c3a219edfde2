import { isSlaBreached, type THubQueuePage, type THubQueueQuery, type THubQueueRow } from "@sonae/core";
import { type Db, hubObservations, hubOrgKeys, hubReports } from "@sonae/db";
import { and, asc, desc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { loadKeyFacts } from "../auth/org-identity";
import { collectFromText, kindCode } from "../correlation/collect-indicators";
import { countRelated, hashIndicatorValue } from "../correlation/observations.repo";
import type { HubKeyring } from "../store/hub-keyring";
import { openPayload, presentCaseSummary } from "./case.present";
import { visibleReports } from "./case-access";
import { afterCursor, DUE_SOON_MS, encodeCursor, keyLane, relationOf, slaState, sortExpr } from "./queue-sql";

const likeEscape = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * Search: a reference (prefix, "HUB-…"), the organisation name its key was enrolled with, or an
 * indicator — the words are run through the same extraction and normalisation as reports, then
 * matched by keyed hash in the index (values on the warning list are not indexed, so not found).
 */
function search(ring: HubKeyring, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const byReference = sql`${hubReports.reference} LIKE ${`${likeEscape(q.toUpperCase())}%`}`;
  if (/^HUB-/i.test(q)) return byReference;
  const hashes = collectFromText([q])
    .filter((i) => !i.noisy)
    .map(
      (i) =>
        sql`(${kindCode(i.kind)}::smallint, ${hashIndicatorValue(ring.indexKey, i.kind, i.value)}::bytea)`,
    );
  const byIndicator =
    hashes.length > 0
      ? sql`EXISTS (SELECT 1 FROM ${hubObservations} WHERE ${hubObservations.reportId} = ${hubReports.id}
          AND (${hubObservations.kind}, ${hubObservations.valueHash}) IN (${sql.join(hashes, sql`, `)}))`
      : undefined;
  return or(byReference, sql`${hubOrgKeys.orgName} ILIKE ${`%${likeEscape(q)}%`}`, byIndicator);
}

/** The same clock as `slaDueAt` in SQL, on a loaded row. */
function slaDueOf(r: typeof hubReports.$inferSelect): Date | null {
  if (r.status === "closed") return null;
  if (!r.acknowledgedAt) return r.ackDueAt;
  return r.status === "acknowledged" ? r.responseDueAt : null;
}

function slaStateOf(due: Date | null, now: Date): THubQueueRow["slaState"] {
  if (due === null || due.getTime() - now.getTime() >= DUE_SOON_MS) return "on_time";
  return due < now ? "breached" : "due_soon";
}

/**
 * The queue as an officer works it: one page of the cases the unit may see, sorted and filtered,
 * with keyset pagination (stable under new arrivals, no OFFSET). Unconfirmed keys are a lane of
 * their own: by default only confirmed organisations and the public form are listed, and the
 * unconfirmed lane's open cases are counted so they are not hidden either. The read is audited.
 */
export async function listQueue(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  query: THubQueueQuery,
  now = new Date(),
): Promise<THubQueuePage> {
  const order = query.dir === "desc" ? desc : asc;
  const expr = sortExpr(query.sort);
  const filters = and(
    visibleReports(actor),
    keyLane(query.key),
    query.status ? eq(hubReports.status, query.status) : undefined,
    query.kind ? eq(hubReports.kind, query.kind) : undefined,
    query.unitId !== undefined ? eq(hubReports.unitId, query.unitId) : undefined,
    query.sla ? slaState(query.sla, now) : undefined,
    search(ring, query.q),
  );
  const rows = await db
    .select({
      report: hubReports,
      keyStatus: hubOrgKeys.status,
      keyOrgName: hubOrgKeys.orgName,
      relation: relationOf(actor),
      sortValue: sql<string>`(${expr})::text`,
    })
    .from(hubReports)
    .leftJoin(hubOrgKeys, eq(hubOrgKeys.id, hubReports.orgKeyId))
    .where(and(filters, afterCursor(query)))
    .orderBy(order(expr), order(hubReports.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const [unconfirmed] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hubReports)
    .innerJoin(hubOrgKeys, eq(hubOrgKeys.id, hubReports.orgKeyId))
    .where(and(visibleReports(actor), ne(hubOrgKeys.status, "active"), ne(hubReports.status, "closed")));
  // The audit names the cases shown, not only how many (issue 16 §6).
  await recordAudit(db, ctx, {
    type: "hub.queue_viewed",
    unitId: actor.unitId,
    count: page.length,
    reportIds: page.map((r) => r.report.id),
  });
  const keys = await loadKeyFacts(
    db,
    page.map((r) => r.report.orgKeyId),
  );
  const related = await countRelated(
    db,
    page.map((r) => r.report.id),
  );
  return {
    items: page.map((r) => {
      const due = slaDueOf(r.report);
      const key = r.report.orgKeyId ? keys.get(r.report.orgKeyId) : undefined;
      return {
        ...presentCaseSummary(r.report, openPayload(ring, r.report).sealed, key, now),
        slaBreached: isSlaBreached(r.report, now),
        keyStatus: r.keyStatus ?? null,
        keyOrgName: r.keyOrgName ?? null,
        relation: r.relation as THubQueueRow["relation"],
        slaState: slaStateOf(due, now),
        slaDueAt: due?.toISOString() ?? null,
        relatedCount: related.get(r.report.id) ?? 0,
      };
    }),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, dir: query.dir, value: last.sortValue, id: last.report.id })
        : null,
    unconfirmedOpen: Number(unconfirmed?.n ?? 0),
  };
}
