import type { TPhishUrl } from "@sonae/core";
import { type Db, hubPassiveDns, hubPhishUrls } from "@sonae/db";
import { and, desc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { presentPhishUrl } from "./phish-url.present";
import { isWarningListedIp, normaliseReportedUrl } from "./url-normaliser";

/**
 * How many unrelated registrable domains one IP may carry before it counts as shared hosting and
 * is never used to list or discover by address (SONAE_HUB_SHARED_IP_DOMAINS, default 25).
 * "Unrelated" = not already a candidate or confirmed record: a server carrying hundreds of phishing
 * domains stays listable, a shared host with many ordinary sites does not.
 */
export function sharedIpThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SONAE_HUB_SHARED_IP_DOMAINS ?? 25);
  return Number.isInteger(n) && n >= 1 ? n : 25;
}

const registrableOf = (host: string) => {
  const r = normaliseReportedUrl(`http://${host}/`);
  return r.ok ? (r.url.registrableDomain ?? r.url.host) : host;
};

export type IpListing = { allowed: boolean; reason: { ja: string; en: string }; domainsOnIp: number };

/** Whether an address may be used to list or discover by IP, and why (shown to the officer). */
export async function ipListingOf(
  db: Pick<Db, "select" | "selectDistinct">,
  ip: string | null,
): Promise<IpListing> {
  if (!ip)
    return { allowed: false, domainsOnIp: 0, reason: { ja: "IPアドレス不明", en: "No known IP address" } };
  if (isWarningListedIp(ip))
    return {
      allowed: false,
      domainsOnIp: 0,
      reason: {
        ja: "警告リスト(CDN・クラウド等)のアドレスのため、IPでは掲載しません",
        en: "On a warning list (CDN / cloud range): never listed by IP",
      },
    };
  const names = await db
    .selectDistinct({ host: hubPassiveDns.rrname })
    .from(hubPassiveDns)
    .where(eq(hubPassiveDns.rdata, ip))
    .limit(5000);
  const records = await db
    .select({ domain: hubPhishUrls.registrableDomain, host: hubPhishUrls.host, state: hubPhishUrls.state })
    .from(hubPhishUrls)
    .where(eq(hubPhishUrls.ip, ip))
    .limit(5000);
  const related = new Set(
    records.filter((r) => r.state === "candidate" || r.state === "confirmed").map((r) => r.domain ?? r.host),
  );
  const all = new Set([
    ...names.map((n) => registrableOf(n.host)),
    ...records.map((r) => r.domain ?? r.host),
  ]);
  const unrelated = [...all].filter((d) => !related.has(d)).length;
  const limit = sharedIpThreshold();
  if (unrelated > limit)
    return {
      allowed: false,
      domainsOnIp: all.size,
      reason: {
        ja: `無関係なドメインが ${unrelated} 件(上限 ${limit})あり共用ホスティングとみなすため、IPでは掲載しません`,
        en: `${unrelated} unrelated domains (limit ${limit}): shared hosting, never listed by IP`,
      },
    };
  return {
    allowed: true,
    domainsOnIp: all.size,
    reason: {
      ja: `無関係なドメイン ${unrelated} 件(上限 ${limit} 以内)`,
      en: `${unrelated} unrelated domains (within the limit of ${limit})`,
    },
  };
}

/** Hosts seen on the IP in passive DNS that have no URL record yet. */
export async function ipNeighbours(db: Pick<Db, "select">, ip: string, limit = 200) {
  const known = db.select({ host: hubPhishUrls.host }).from(hubPhishUrls).where(eq(hubPhishUrls.ip, ip));
  return db
    .select({ rrname: hubPassiveDns.rrname, source: hubPassiveDns.source, timeLast: hubPassiveDns.timeLast })
    .from(hubPassiveDns)
    .where(
      and(
        eq(hubPassiveDns.rdata, ip),
        inArray(hubPassiveDns.rrtype, ["A", "AAAA"]),
        notInArray(hubPassiveDns.rrname, known),
      ),
    )
    .orderBy(desc(hubPassiveDns.timeLast))
    .limit(limit);
}

/** The URL's clusters: same host, same registrable domain, same IP (each at most 50 records). */
export async function clusterOf(
  db: Pick<Db, "select" | "selectDistinct">,
  url: typeof hubPhishUrls.$inferSelect,
) {
  const near = async (where: ReturnType<typeof eq>): Promise<TPhishUrl[]> =>
    (
      await db
        .select()
        .from(hubPhishUrls)
        .where(and(where, ne(hubPhishUrls.id, url.id)))
        .orderBy(desc(hubPhishUrls.lastSeen))
        .limit(50)
    ).map(presentPhishUrl);
  const ipListing = await ipListingOf(db, url.ip);
  return {
    sameHost: await near(eq(hubPhishUrls.host, url.host)),
    sameDomain: url.registrableDomain
      ? await near(eq(hubPhishUrls.registrableDomain, url.registrableDomain))
      : [],
    sameIp: url.ip ? await near(eq(hubPhishUrls.ip, url.ip)) : [],
    ipNeighbours: url.ip
      ? (await ipNeighbours(db, url.ip)).map((n) => ({ ...n, timeLast: n.timeLast.toISOString() }))
      : [],
    ipListing,
  };
}

/**
 * Same-IP discovery: when a URL is confirmed as phishing on a listable IP, every host seen there
 * in passive DNS without a record becomes a *candidate* (`discovered_via = ip:<address>`), for an
 * officer to judge; nothing is listed without a judgement. Returns how many were added.
 */
export async function discoverOnIp(tx: Db, ip: string): Promise<number> {
  const listing = await ipListingOf(tx, ip);
  if (!listing.allowed) return 0;
  const hosts = await ipNeighbours(tx, ip, 500);
  const found = hosts
    .map((h) => normaliseReportedUrl(`http://${h.rrname}/`))
    .flatMap((r) => (r.ok && !r.url.flags.includes("warning_list") ? [r.url] : []));
  if (found.length === 0) return 0;
  const rows = await tx
    .insert(hubPhishUrls)
    .values(
      found.map((u) => ({
        canonical: u.canonical,
        sha256: u.canonicalSha256,
        host: u.host,
        hostUnicode: u.hostUnicode,
        registrableDomain: u.registrableDomain,
        ip,
        flags: u.flags,
        discoveredVia: `ip:${ip}`,
        sightingCount: 0,
        lastSeen: sql`now()`,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: hubPhishUrls.id });
  return rows.length;
}
