import { AppError, type TPhishUrlDetail, type TPhishUrlQuery } from "@sonae/core";
import { type Db, hubPhishUrls, hubUrlPartners, hubUrlSightings } from "@sonae/db";
import { and, count, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertHubCan, type HubActor } from "../auth/hub.policy";
import { presentPhishUrl } from "./phish-url.present";
import { clusterOf } from "./url-cluster.service";
import { normaliseReportedUrl, proposeVerdict } from "./url-normaliser";

/**
 * What a search box may mean: a URL (looked up by its canonical SHA-256), an IP, or a host /
 * registrable domain. Everything goes through an index (sha256, host, registrable domain, ip).
 */
function searchCondition(q: string): SQL | undefined {
  const normalised = normaliseReportedUrl(q);
  if (!normalised.ok) return eq(hubPhishUrls.host, q.toLowerCase());
  const u = normalised.url;
  if (/[/?#]/.test(q.replace(/^[a-z]+:\/\//i, "").replace(/\/$/, "")))
    return eq(hubPhishUrls.sha256, u.canonicalSha256);
  if (u.ip) return or(eq(hubPhishUrls.ip, u.ip), eq(hubPhishUrls.host, u.host));
  return or(eq(hubPhishUrls.host, u.host), eq(hubPhishUrls.registrableDomain, u.registrableDomain ?? u.host));
}

/**
 * The work queue: the national store of URL records (every unit sees the records; sightings are
 * scoped in the detail), newest first, keyset-paged by id. Audited with the ids shown.
 */
export async function findPhishUrls(db: Db, ctx: RequestContext, actor: HubActor, query: TPhishUrlQuery) {
  assertHubCan(actor, "urls.read");
  const where = and(
    query.state ? eq(hubPhishUrls.state, query.state) : undefined,
    query.category ? eq(hubPhishUrls.category, query.category) : undefined,
    query.brand
      ? or(eq(hubPhishUrls.brandId, query.brand), eq(hubPhishUrls.proposedBrandId, query.brand))
      : undefined,
    query.q ? searchCondition(query.q) : undefined,
    query.cursor ? lt(hubPhishUrls.id, query.cursor) : undefined,
  );
  const rows = await db
    .select()
    .from(hubPhishUrls)
    .where(where)
    .orderBy(desc(hubPhishUrls.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  await recordAudit(db, ctx, {
    type: "hub.urls_viewed",
    unitId: actor.unitId,
    urlIds: page.map((r) => Number(r.id)),
  });
  return {
    items: page.map(presentPhishUrl),
    nextCursor: rows.length > query.limit ? Number(page[page.length - 1]!.id) : null,
  };
}

/**
 * One URL: the record, its sightings (a prefecture sees its own unit's in full and only the
 * count of the others; the national unit sees all), its clusters and the assistant's proposal.
 */
export async function getPhishUrl(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  id: number,
): Promise<TPhishUrlDetail> {
  assertHubCan(actor, "urls.read");
  const [row] = await db.select().from(hubPhishUrls).where(eq(hubPhishUrls.id, id)).limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  const scope = actor.isNational ? undefined : eq(hubUrlSightings.unitId, actor.unitId);
  const sightings = await db
    .select({ s: hubUrlSightings, partnerName: hubUrlPartners.name })
    .from(hubUrlSightings)
    .leftJoin(hubUrlPartners, eq(hubUrlPartners.id, hubUrlSightings.partnerId))
    .where(and(eq(hubUrlSightings.urlId, id), scope))
    .orderBy(desc(hubUrlSightings.seenAt))
    .limit(200);
  const [total] = await db.select({ n: count() }).from(hubUrlSightings).where(eq(hubUrlSightings.urlId, id));
  const visible = actor.isNational
    ? sightings.length
    : ((
        await db
          .select({ n: count() })
          .from(hubUrlSightings)
          .where(and(eq(hubUrlSightings.urlId, id), scope))
      )[0]?.n ?? 0);
  const normalised = normaliseReportedUrl(row.canonical);
  const proposal = normalised.ok
    ? proposeVerdict(normalised.url)
    : { verdict: "unknown" as const, brand: null, reasons: [] };
  await recordAudit(db, ctx, { type: "hub.url_viewed", unitId: actor.unitId, urlId: id });
  return {
    url: presentPhishUrl(row),
    sightings: sightings.map(({ s, partnerName }) => ({
      id: Number(s.id),
      source: s.source,
      unitId: s.unitId,
      partnerName,
      reportId: s.reportId,
      sourceRef: s.sourceRef,
      rawInput: s.rawInput,
      brandHint: s.brandHint,
      seenAt: s.seenAt.toISOString(),
    })),
    otherSightings: Math.max(0, Number(total?.n ?? 0) - Number(visible)),
    cluster: await clusterOf(db, row),
    proposal,
    context: normalised.ok ? normalised.url.context : [],
  };
}

/** A partner's own submissions with the hub's current state of each URL (newest first). */
export async function findPartnerSubmissions(
  db: Db,
  partnerId: string,
  before: number | undefined,
  limit = 500,
) {
  const rows = await db
    .select({ s: hubUrlSightings, u: hubPhishUrls })
    .from(hubUrlSightings)
    .innerJoin(hubPhishUrls, eq(hubPhishUrls.id, hubUrlSightings.urlId))
    .where(and(eq(hubUrlSightings.partnerId, partnerId), before ? lt(hubUrlSightings.id, before) : undefined))
    .orderBy(desc(hubUrlSightings.id))
    .limit(limit);
  return rows.map(({ s, u }) => ({
    sightingId: Number(s.id),
    submitted: s.rawInput,
    ref: s.sourceRef,
    seenAt: s.seenAt.toISOString(),
    canonical: u.canonical,
    state: u.state,
    category: u.category,
  }));
}
