import type { TPhishUrl, TUrlBatchResult } from "@sonae/core";
import { type Db, hubPhishUrls, hubUrlSightings } from "@sonae/db";
import { desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";
import { authoriseCase } from "../cases/case-rights";
import { presentPhishUrl } from "./phish-url.present";
import { fillProposalsLater } from "./proposal-filler";
import { lineResults, prepareUrls, recordSightings } from "./url-store.service";

/**
 * An officer adds URLs to a case (rights: case.urls). Each line is normalised on its own; the
 * valid ones become sightings of the case (its unit, its report id) in one transaction.
 */
export async function addCaseUrls(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  reportId: string,
  urls: readonly string[],
): Promise<TUrlBatchResult> {
  const report = await authoriseCase(db, ctx, actor, reportId, "case.urls");
  const { prepared, failures } = prepareUrls(
    urls.map((raw, i) => ({
      line: i + 1,
      raw,
      sighting: {
        source: "case" as const,
        unitId: report.unitId,
        reportId: report.id,
        addedBy: actor.userId,
      },
    })),
  );
  const { result, createdCanonicals } = await db.transaction(async (tx) => {
    const { created, createdCanonicals } = await recordSightings(tx, prepared);
    const result = {
      accepted: prepared.length,
      created: created.size,
      rejected: failures.length,
      passiveDns: 0,
      lines: lineResults(prepared, failures, created),
    };
    await recordAudit(tx, ctx, {
      type: "hub.urls_received",
      source: "case",
      partnerId: null,
      reportId: report.id,
      accepted: result.accepted,
      created: result.created,
      rejected: result.rejected,
    });
    return { result, createdCanonicals };
  });
  fillProposalsLater(db, createdCanonicals);
  return result;
}

/** The URL records sighted in a case (rights: case.read). */
export async function listCaseUrls(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  reportId: string,
): Promise<TPhishUrl[]> {
  const report = await authoriseCase(db, ctx, actor, reportId, "case.read");
  const rows = await db
    .selectDistinct({ u: hubPhishUrls })
    .from(hubUrlSightings)
    .innerJoin(hubPhishUrls, eq(hubPhishUrls.id, hubUrlSightings.urlId))
    .where(eq(hubUrlSightings.reportId, report.id))
    .orderBy(desc(hubPhishUrls.id))
    .limit(500);
  return rows.map((r) => presentPhishUrl(r.u));
}
