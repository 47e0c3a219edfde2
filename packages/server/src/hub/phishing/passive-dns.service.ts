import type { TPassiveDnsRecord } from "@sonae/core";
import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { pgArray } from "../store/pg-array";

/** A host name as passive DNS stores it: lower case, no trailing dot. */
export const dnsName = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

/**
 * Stores passive-DNS records (Common Output Format fields) from partners, reporters or the
 * resolver: one row per (rrname, rrtype, rdata, source), the time window widened and the count
 * added on repeats. URL records of a host that had no address yet take the newest A/AAAA one,
 * so they join their IP cluster.
 */
export async function storePassiveDns(
  tx: Pick<Db, "execute">,
  records: readonly TPassiveDnsRecord[],
  source: string,
  partnerId: string | null,
): Promise<number> {
  if (records.length === 0) return 0;
  const r = records.map((x) => ({ ...x, rrname: dnsName(x.rrname), rdata: dnsName(x.rdata) }));
  await tx.execute(sql`
    INSERT INTO hub_passive_dns (rrname, rrtype, rdata, time_first, time_last, count, source, partner_id)
    SELECT n, t, d, f, l, c, ${source}, ${partnerId}::uuid
    FROM unnest(${pgArray(r.map((x) => x.rrname))}::text[], ${pgArray(r.map((x) => x.rrtype))}::text[],
      ${pgArray(r.map((x) => x.rdata))}::text[], ${pgArray(r.map((x) => x.time_first.toISOString()))}::timestamptz[],
      ${pgArray(r.map((x) => x.time_last.toISOString()))}::timestamptz[], ${pgArray(r.map((x) => x.count))}::int[])
      AS x(n, t, d, f, l, c)
    ON CONFLICT (rrname, rrtype, rdata, source) DO UPDATE SET
      time_first = least(hub_passive_dns.time_first, excluded.time_first),
      time_last = greatest(hub_passive_dns.time_last, excluded.time_last),
      count = hub_passive_dns.count + excluded.count`);
  const addresses = r.filter((x) => x.rrtype === "A" || x.rrtype === "AAAA");
  if (addresses.length)
    await tx.execute(sql`
      UPDATE hub_phish_urls u SET ip = x.d
      FROM unnest(${pgArray(addresses.map((x) => x.rrname))}::text[], ${pgArray(addresses.map((x) => x.rdata))}::text[])
        AS x(n, d)
      WHERE u.host = x.n AND u.ip IS NULL`);
  return r.length;
}

/**
 * Where a hub with network access would resolve hosts. Behind an interface so tests use a
 * fixture and never the network; no resolver is wired by default (partners and reporters fill
 * passive DNS).
 */
export interface HostResolver {
  resolve(host: string): Promise<{ rrtype: "A" | "AAAA"; rdata: string }[]>;
}

/** A resolver answering from a fixed table (tests, air-gapped hubs). */
export function fixtureResolver(table: Record<string, string[]>): HostResolver {
  return {
    resolve: async (host) =>
      (table[dnsName(host)] ?? []).map((rdata) => ({ rrtype: rdata.includes(":") ? "AAAA" : "A", rdata })),
  };
}

/** Resolves hosts and records the answers as passive DNS with source "resolver". */
export async function resolveIntoPassiveDns(
  db: Db,
  resolver: HostResolver,
  hosts: readonly string[],
  now = new Date(),
): Promise<number> {
  const records: TPassiveDnsRecord[] = [];
  for (const host of hosts.slice(0, 1000))
    for (const answer of await resolver.resolve(host))
      records.push({
        rrname: host,
        rrtype: answer.rrtype,
        rdata: answer.rdata,
        time_first: now,
        time_last: now,
        count: 1,
      });
  return db.transaction((tx) => storePassiveDns(tx, records, "resolver", null));
}
