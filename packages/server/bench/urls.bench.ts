/**
 * npm run bench:urls — phishing URL store on PostgreSQL (TEST_DATABASE_URL or BENCH_DATABASE_URL; a
 * scratch database is created and dropped). Input: the JPCERT/CC phishurl-list CSVs in
 * ../shared/data/phishing/jpcert-phishurl (test data, read at run time, never copied), repeated to
 * BENCH_URLS lines (default 200,000; 10,000,000 for the figure). Copies after the first get a
 * `sonae_r=<round>` query parameter so they are new canonical URLs, as a larger month would be.
 *   1. reference: plain COPY of the same raw lines into a one-column table (same run, same database);
 *   2. Sonae: partner batches of BENCH_BATCH CSV lines through submitPartnerBatch (parse, normalise,
 *      quota, upsert one record per canonical URL, sightings, IP from passive DNS, audit), 2 in flight;
 *   3. lookup p50/p99 by URL (normalise + sha256 index), host and IP;
 *   4. incremental feed of 10,000 changes since a cursor (txt, CSV, STIX);
 *   5. storage per URL record and per sighting (heap + indexes).
 * Nothing is hard-coded: every figure printed is measured in this run.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDb, hubPhishUrls, hubUrlPartners } from "@sonae/db";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { seedHubUnits } from "../src/hub/auth/hub-units.service";
import { appendFeedChanges } from "../src/hub/phishing/feed-changes";
import { submitPartnerBatch } from "../src/hub/phishing/partner-intake.service";
import { storePassiveDns } from "../src/hub/phishing/passive-dns.service";
import { splitCsvLine } from "../src/hub/phishing/url-batch-parse";
import { pullFeed } from "../src/hub/phishing/url-feeds.service";
import { normaliseReportedUrl, proposeVerdict } from "../src/hub/phishing/url-normaliser";
import { prepareUrls } from "../src/hub/phishing/url-store.service";
import { REPO_ROOT } from "../src/hub/testing/hub-test-app";

// Ingest is measured alone; the assistant's proposals (filled after COMMIT) are timed separately below.
process.env.SONAE_HUB_URL_PROPOSALS = "off";
const BASE = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!BASE) {
  console.error(
    "bench:urls needs PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)",
  );
  process.exit(2);
}
const TOTAL = Number(process.env.BENCH_URLS ?? 200_000);
const BATCH = Math.min(10_000, Number(process.env.BENCH_BATCH ?? 10_000));
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2000);
const DATA = join(REPO_ROOT, "../shared/data/phishing/jpcert-phishurl");

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function readDataset(): string[] {
  const urls: string[] = [];
  for (const year of readdirSync(DATA)
    .filter((d) => /^\d{4}$/.test(d))
    .sort())
    for (const file of readdirSync(join(DATA, year)).sort())
      for (const line of readFileSync(join(DATA, year, file), "utf8")
        .split(/\r?\n/)
        .slice(1)) {
        const url = splitCsvLine(line)[1]?.trim();
        if (url) urls.push(url);
      }
  return urls;
}

function rawLines(source: string[], total: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < total; i++) {
    const round = Math.floor(i / source.length);
    const url = source[i % source.length]!;
    out.push(round === 0 ? url : `${url}${url.includes("?") ? "&" : "?"}sonae_r=${round}`);
  }
  return out;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function scratchDb(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sonae_urls_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BASE!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: BASE });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function copyReference(url: string, lines: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("CREATE TABLE bench_raw_lines (line text)");
  const started = performance.now();
  const text = (function* () {
    for (let i = 0; i < lines.length; i += 10_000)
      yield `${lines
        .slice(i, i + 10_000)
        .map((l) => l.replace(/\\/g, "\\\\").replace(/\t/g, "\\t"))
        .join("\n")}\n`;
  })();
  await pipeline(Readable.from(text), client.query(copyFrom("COPY bench_raw_lines (line) FROM STDIN")));
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

async function main() {
  console.log(
    `bench:urls — ${new Date().toISOString()}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}`,
  );
  const source = readDataset();
  const lines = rawLines(source, TOTAL);
  console.log(
    `input: JPCERT/CC phishurl-list, ${fmt(source.length)} URLs (2019-01 to 2025-08), repeated to ${fmt(lines.length)} lines`,
  );
  const scratch = await scratchDb();
  const handle = await createDb({ databaseUrl: scratch.url });
  const db = handle.db;
  try {
    const ctx = { actor: null, ip: null, userAgent: "bench:urls" };
    await seedHubUnits(db, ctx);
    const [partner] = await db
      .insert(hubUrlPartners)
      .values({
        unitId: 0,
        name: "bench partner",
        canSubmit: true,
        dailyQuota: 2_000_000_000,
        feeds: ["all"],
      })
      .returning();

    const copySeconds = await copyReference(scratch.url, lines);

    // Passive DNS for every 10th host of the dataset, so the upsert's IP lookup finds something.
    const hosts = new Set<string>();
    for (const u of source) {
      const n = normaliseReportedUrl(u);
      if (n.ok && !n.url.ip) hosts.add(n.url.host);
    }
    const now = new Date();
    const dns = [...hosts]
      .filter((_, i) => i % 10 === 0)
      .map((h, i) => ({
        rrname: h,
        rrtype: "A" as const,
        rdata: `45.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        time_first: now,
        time_last: now,
        count: 1,
      }));
    for (let i = 0; i < dns.length; i += 5000)
      await db.transaction((tx) => storePassiveDns(tx, dns.slice(i, i + 5000), "bench", null));

    // CPU share: normalisation alone (prepareUrls: @sonae/urls per line), no database, one thread.
    const normSample = lines.slice(0, Math.min(lines.length, 50_000));
    const n0 = performance.now();
    prepareUrls(
      normSample.map((raw, i) => ({ line: i, raw, sighting: { source: "partner" as const, unitId: 0 } })),
    );
    const normaliseRate = normSample.length / ((performance.now() - n0) / 1000);
    const proposalSample = prepareUrls(
      normSample
        .slice(0, 2000)
        .map((raw, i) => ({ line: i, raw, sighting: { source: "partner" as const, unitId: 0 } })),
    ).prepared;
    const p0 = performance.now();
    for (const p of proposalSample) proposeVerdict(p.url);
    const proposalMicros = ((performance.now() - p0) * 1000) / proposalSample.length;

    const bodies: string[] = [];
    for (let i = 0; i < lines.length; i += BATCH)
      bodies.push(
        `url\n${lines
          .slice(i, i + BATCH)
          .map(csvField)
          .join("\n")}`,
      );
    let next = 0;
    let accepted = 0;
    let rejected = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const r = await submitPartnerBatch(db, ctx, partner!, "csv", body);
        accepted += r.accepted;
        rejected += r.rejected;
      }
    };
    await Promise.all([worker(), worker()]);
    const ingestSeconds = (performance.now() - started) / 1000;
    const countOf = async (query: ReturnType<typeof sql>) =>
      Number(((await db.execute(query)) as unknown as { rows: { n: number | string }[] }).rows[0]!.n);
    const records = await countOf(sql`SELECT count(*) AS n FROM hub_phish_urls`);
    const withIp = await countOf(sql`SELECT count(*) AS n FROM hub_phish_urls WHERE ip IS NOT NULL`);
    await db.execute(sql`ANALYZE hub_phish_urls`);
    await db.execute(sql`ANALYZE hub_url_sightings`);

    // Lookups: a random sample of the input by URL (normalise + sha256), host, IP.
    const sample = Array.from({ length: LOOKUPS }, () => lines[Math.floor(Math.random() * lines.length)]!);
    const timeIt = async (f: (raw: string) => Promise<unknown>) => {
      const times: number[] = [];
      for (const raw of sample) {
        const t0 = performance.now();
        await f(raw);
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b);
    };
    const byUrl = await timeIt(async (raw) => {
      const n = normaliseReportedUrl(raw);
      if (n.ok)
        await db.select().from(hubPhishUrls).where(eq(hubPhishUrls.sha256, n.url.canonicalSha256)).limit(1);
    });
    const byHost = await timeIt(async (raw) => {
      const n = normaliseReportedUrl(raw);
      if (n.ok) await db.select().from(hubPhishUrls).where(eq(hubPhishUrls.host, n.url.host)).limit(50);
    });
    const ips = dns.map((d) => d.rdata);
    const byIp = await timeIt(async () => {
      await db
        .select()
        .from(hubPhishUrls)
        .where(eq(hubPhishUrls.ip, ips[Math.floor(Math.random() * ips.length)]!))
        .limit(50);
    });

    // Incremental feed: 10,000 URLs confirmed after a cursor, then pulled since it.
    const head = await pullFeed(db, ctx, partner!, "all", "txt", null, false);
    const ids = (await db.execute(
      sql`SELECT id FROM hub_phish_urls WHERE NOT warning_listed ORDER BY id LIMIT 10000`,
    )) as unknown as {
      rows: { id: number | string }[];
    };
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE hub_phish_urls SET state = 'confirmed', category = 'phishing', verdict_at = now()
        WHERE id IN (SELECT id FROM hub_phish_urls WHERE NOT warning_listed ORDER BY id LIMIT 10000)`);
      await appendFeedChanges(
        tx,
        ids.rows.map((r) => ({
          urlId: Number(r.id),
          change: "added" as const,
          category: "phishing",
          reason: null,
        })),
      );
    });
    const feedTimes: Record<string, number> = {};
    for (const format of ["txt", "csv", "stix"] as const) {
      const t0 = performance.now();
      const answer = await pullFeed(db, ctx, partner!, "all", format, head.cursor, false);
      feedTimes[format] = performance.now() - t0;
      if (
        format === "txt" &&
        answer.body.split("\n").filter((l) => l.startsWith("+")).length !== ids.rows.length
      )
        throw new Error("incremental feed did not return every change");
    }

    const size = async (table: string) =>
      Number(
        (
          (await db.execute(
            sql`SELECT pg_total_relation_size(${table}::regclass)::bigint AS b`,
          )) as unknown as {
            rows: { b: string }[];
          }
        ).rows[0]!.b,
      );
    const urlBytes = await size("hub_phish_urls");
    const sightingBytes = await size("hub_url_sightings");

    const ingestRate = lines.length / ingestSeconds;
    const copyRate = lines.length / copySeconds;
    console.log("");
    console.log("| | figure |");
    console.log("|---|---|");
    console.log(
      `| lines | ${fmt(lines.length)} (batches of ${fmt(BATCH)}, 2 in flight) → ${fmt(records)} URL records, ${fmt(accepted)} sightings, ${fmt(rejected)} lines refused by normalisation, ${fmt(withIp)} records placed on an IP from passive DNS |`,
    );
    console.log(
      `| Sonae ingest (parse, normalise, dedup, IP cluster, sightings, audit) | ${fmt(ingestRate)} URLs/s (${ingestSeconds.toFixed(1)} s) |`,
    );
    console.log(
      `| of which normalisation alone (@sonae/urls, one thread, no database, ${fmt(normSample.length)} lines) | ${fmt(normaliseRate)} URLs/s |`,
    );
    console.log(
      `| assistant proposal (proposeVerdict, stored after COMMIT, not in the ingest figure), ${fmt(proposalSample.length)} URLs | ${proposalMicros.toFixed(0)} µs per URL |`,
    );
    console.log(
      `| reference: plain COPY of the raw lines | ${fmt(copyRate)} lines/s (${copySeconds.toFixed(1)} s); ratio ${(ingestRate / copyRate).toFixed(3)} |`,
    );
    console.log(
      `| lookup by URL (normalise + sha256) | p50 ${pct(byUrl, 50).toFixed(2)} ms, p99 ${pct(byUrl, 99).toFixed(2)} ms |`,
    );
    console.log(
      `| lookup by host | p50 ${pct(byHost, 50).toFixed(2)} ms, p99 ${pct(byHost, 99).toFixed(2)} ms |`,
    );
    console.log(`| lookup by IP | p50 ${pct(byIp, 50).toFixed(2)} ms, p99 ${pct(byIp, 99).toFixed(2)} ms |`);
    console.log(
      `| incremental feed, ${fmt(ids.rows.length)} changes since a cursor | txt ${feedTimes.txt!.toFixed(0)} ms, CSV ${feedTimes.csv!.toFixed(0)} ms, STIX ${feedTimes.stix!.toFixed(0)} ms |`,
    );
    console.log(
      `| storage | ${(urlBytes / records).toFixed(1)} bytes per URL record, ${(sightingBytes / accepted).toFixed(1)} bytes per sighting (heap + indexes) |`,
    );
    console.log(`| load average after | ${loadavg()[0]!.toFixed(2)} |`);
  } finally {
    await handle.close();
    await scratch.drop();
  }
}

await main();
