import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { pgArray } from "../store/pg-array";
import { isListable, type NormalisedUrl, normaliseReportedUrl } from "./url-normaliser";

/** Who reported a URL, and from where. */
export type SightingInput = {
  source: "partner" | "public" | "case";
  unitId: number;
  partnerId?: string | null;
  reportId?: string | null;
  sourceRef?: string | null;
  brandHint?: string | null;
  addedBy?: string | null;
  seenAt?: Date;
};

export type PreparedUrl = { line: number; raw: string; url: NormalisedUrl; sighting: SightingInput };
export type LineResult = {
  line: number;
  ok: boolean;
  canonical?: string;
  created?: boolean;
  error?: { code: string; message: { ja: string; en: string } };
};

/**
 * CPU work, no database: normalise each raw URL (defanged forms accepted) and keep the line's
 * outcome. A URL that cannot be normalised fails only its own line.
 */
export function prepareUrls(items: readonly { line: number; raw: string; sighting: SightingInput }[]): {
  prepared: PreparedUrl[];
  failures: LineResult[];
} {
  const prepared: PreparedUrl[] = [];
  const failures: LineResult[] = [];
  for (const item of items) {
    const result = normaliseReportedUrl(item.raw);
    if (result.ok)
      prepared.push({ line: item.line, raw: item.raw, url: result.url, sighting: item.sighting });
    else failures.push({ line: item.line, ok: false, error: result.error });
  }
  return { prepared, failures };
}

/**
 * Writes a batch in the caller's transaction with two set-based statements (statement size does
 * not depend on the batch): one upsert of URL records — one row per canonical URL, duplicates in
 * the batch folded first because ON CONFLICT cannot touch a row twice, rows in sha256 order so
 * concurrent batches lock in one order — and the sightings. The
 * IP comes from the URL itself (an IP host) or the latest passive-DNS A/AAAA record of the host,
 * so the record joins its IP cluster at once. The assistant's proposal is filled after COMMIT
 * (proposal-filler.ts), not here.
 */
export async function recordSightings(
  tx: Pick<Db, "execute">,
  prepared: readonly PreparedUrl[],
): Promise<{ created: Set<string>; idBySha: Map<string, number>; createdCanonicals: string[] }> {
  if (prepared.length === 0) return { created: new Set(), idBySha: new Map(), createdCanonicals: [] };
  const bySha = new Map<
    string,
    { url: NormalisedUrl; n: number; first: Date; last: Date; brandHint: string | null }
  >();
  for (const p of prepared) {
    const seen = p.sighting.seenAt ?? new Date();
    const hit = bySha.get(p.url.canonicalSha256);
    if (hit) {
      hit.n++;
      if (seen < hit.first) hit.first = seen;
      if (seen > hit.last) hit.last = seen;
    } else
      bySha.set(p.url.canonicalSha256, {
        url: p.url,
        n: 1,
        first: seen,
        last: seen,
        brandHint: p.sighting.brandHint ?? null,
      });
  }
  const urls = [...bySha.values()];
  const col = <T extends string | number | boolean | null>(f: (u: (typeof urls)[number], i: number) => T) =>
    pgArray(urls.map(f));
  const result = (await tx.execute(sql`
    WITH x AS (
      SELECT * FROM unnest(${col((u) => u.url.canonical)}::text[], ${col((u) => u.url.canonicalSha256)}::text[],
        ${col((u) => u.url.host)}::text[], ${col((u) => u.url.hostUnicode)}::text[],
        ${col((u) => u.url.registrableDomain)}::text[], ${col((u) => u.url.ip)}::text[],
        ${col((u) => u.url.flags.join(","))}::text[], ${col((u) => !isListable(u.url))}::boolean[],
        ${col((u) => u.n)}::int[], ${col((u) => u.first.toISOString())}::timestamptz[],
        ${col((u) => u.last.toISOString())}::timestamptz[])
        AS x(canonical, sha, host, host_u, domain, ip, flags, wl, n, first_seen, last_seen)
    )
    INSERT INTO hub_phish_urls (canonical, sha256, host, host_unicode, registrable_domain, ip, flags,
      warning_listed, sighting_count, first_seen, last_seen)
    SELECT canonical, sha, host, host_u, domain,
      coalesce(x.ip, (SELECT d.rdata FROM hub_passive_dns d WHERE d.rrname = x.host AND d.rrtype IN ('A', 'AAAA')
        ORDER BY d.time_last DESC LIMIT 1)),
      string_to_array(flags, ','), wl, n, first_seen, last_seen
    FROM x
    -- One lock order for every writer: two batches sharing URLs then wait, never deadlock.
    ORDER BY x.sha
    ON CONFLICT (sha256) DO UPDATE SET
      sighting_count = hub_phish_urls.sighting_count + excluded.sighting_count,
      first_seen = least(hub_phish_urls.first_seen, excluded.first_seen),
      last_seen = greatest(hub_phish_urls.last_seen, excluded.last_seen),
      ip = coalesce(hub_phish_urls.ip, excluded.ip)
    RETURNING id, sha256, (xmax = 0) AS created`)) as unknown as {
    rows: { id: number | string; sha256: string; created: boolean }[];
  };
  const idBySha = new Map(result.rows.map((r) => [r.sha256, Number(r.id)]));
  const created = new Set(result.rows.filter((r) => r.created).map((r) => r.sha256));
  const createdCanonicals = urls
    .filter((u) => created.has(u.url.canonicalSha256))
    .map((u) => u.url.canonical);
  const s = prepared.map((p) => p.sighting);
  await tx.execute(sql`
    INSERT INTO hub_url_sightings (url_id, source, unit_id, partner_id, report_id, source_ref, raw_input,
      brand_hint, seen_at, added_by)
    SELECT * FROM unnest(${pgArray(prepared.map((p) => idBySha.get(p.url.canonicalSha256)!))}::bigint[],
      ${pgArray(s.map((x) => x.source))}::text[], ${pgArray(s.map((x) => x.unitId))}::smallint[],
      ${pgArray(s.map((x) => x.partnerId ?? null))}::uuid[], ${pgArray(s.map((x) => x.reportId ?? null))}::uuid[],
      ${pgArray(s.map((x) => x.sourceRef?.slice(0, 200) ?? null))}::text[],
      ${pgArray(prepared.map((p) => p.raw.slice(0, 2048)))}::text[],
      ${pgArray(s.map((x) => x.brandHint?.slice(0, 100) ?? null))}::text[],
      ${pgArray(s.map((x) => (x.seenAt ?? new Date()).toISOString()))}::timestamptz[],
      ${pgArray(s.map((x) => x.addedBy ?? null))}::uuid[])`);
  return { created, idBySha, createdCanonicals };
}

/** Line outcomes of a written batch (failures from preparation included), in line order. */
export function lineResults(
  prepared: readonly PreparedUrl[],
  failures: readonly LineResult[],
  created: Set<string>,
): LineResult[] {
  const seenInBatch = new Set<string>();
  const ok = prepared.map((p): LineResult => {
    const sha = p.url.canonicalSha256;
    const isNew = created.has(sha) && !seenInBatch.has(sha);
    seenInBatch.add(sha);
    return { line: p.line, ok: true, canonical: p.url.canonical, created: isNew };
  });
  return [...ok, ...failures].sort((a, b) => a.line - b.line);
}
