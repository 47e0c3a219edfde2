/**
 * npm run bench:hub — the hub on PostgreSQL (TEST_DATABASE_URL or BENCH_DATABASE_URL; a scratch
 * database is created and dropped):
 *   1. sustained signed submissions/s with p50/p99 on loopback (hub server in its own process),
 *      against a bare node:http + pg server doing only verify + one durable insert (reference, same run);
 *   2. observation ingestion rate (through insertObservations, and bulk SQL), storage per observation;
 *   3. related-case lookup p50/p99 (findRelatedHits, the query the case page runs; national and one
 *      prefecture's analyst) at 1M and 10M observations,
 *      and how many rows a pair table (MISP-style correlation table) would need for the same data.
 * BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_OBS_MAX (default 10,000,000) change the run. Nothing is hard-coded.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createPrivateKey, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "@sonae/db";
import { sql } from "drizzle-orm";
import pg from "pg";
import { findRelatedHits, insertObservations } from "../src/hub/correlation/observations.repo";
import { insertConfirmedKey } from "../src/hub/testing/confirmed-key";
import { REPO_ROOT, samplePackage } from "../src/hub/testing/hub-test-app";
import { generateHubOrgKeyPair, signHubRequest } from "../src/org/hub-client/hub-client";

const BASE = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!BASE) {
  console.error(
    "bench:hub needs PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)",
  );
  process.exit(2);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const OBS_MAX = Number(process.env.BENCH_OBS_MAX ?? 10_000_000);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

async function scratchDb(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sonae_hub_bench_${randomBytes(4).toString("hex")}`;
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

async function spawnServer(
  entry: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, entry)], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "error" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(`${url}/api/health`);
      return { url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${entry} did not start`);
}

/** Closed-loop load: CONCURRENCY clients, each sending pre-signed requests back to back for SECONDS. */
async function load(
  url: string,
  requests: string[],
): Promise<{ rate: number; p50: number; p99: number; errors: number; n: number }> {
  let next = 0;
  let errors = 0;
  const lat: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end && next < requests.length) {
        const body = requests[next++]!;
        const s = performance.now();
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 201) errors++;
        else lat.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { rate: lat.length / elapsed, p50: pct(lat, 50), p99: pct(lat, 99), errors, n: lat.length };
}

async function benchSubmissions(dbUrl: string) {
  const org = generateHubOrgKeyPair();
  // Mostly unrelated reports (each its own extortion address), one in ten from one campaign sharing
  // an address: the shared ones exercise the related-case check and alerts inside the transaction.
  const campaign = samplePackage({
    noteText: "Contact us: recover@example-extortion.org, http://203.0.113.50/pay",
  });
  const payloadOf = (i: number) =>
    i % 10 === 0
      ? campaign
      : samplePackage({
          noteText: `Contact us: victim-${i}-${randomUUID().slice(0, 8)}@example-extortion.org`,
        });
  const count = Math.ceil(SECONDS * 4000) + 500;
  const t0 = performance.now();
  const privateKey = createPrivateKey(org.privateKeyPem);
  const signed = Array.from({ length: count }, (_, i) =>
    JSON.stringify(
      signHubRequest(
        {
          type: "submission",
          submissionId: randomUUID(),
          orgName: "株式会社ベンチ",
          prefectureCode: "13",
          payload: payloadOf(i),
        },
        privateKey,
      ),
    ),
  );
  console.log(
    `pre-signed ${count} submissions in ${ms(performance.now() - t0)} (${signed[0]!.length} bytes each)`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), "sonae-hub-bench-"));
  const hub = await spawnServer("packages/server/src/hub/testing/hub-server-entry.ts", {
    SONAE_MODE: "hub",
    DATABASE_URL: dbUrl,
    SONAE_DATA_DIR: dataDir,
  });
  // The confirmed lane is what is measured (an unconfirmed key meets that lane's quotas by design).
  await insertConfirmedKey(dbUrl, org.publicKey, "株式会社ベンチ", 13);
  const bare = await spawnServer("packages/server/src/hub/testing/bare-intake-server.ts", {
    DATABASE_URL: dbUrl,
  });
  try {
    await load(`${hub.url}/hub-api/v1/submissions`, signed.splice(0, 300)); // warm-up
    const h = await load(
      `${hub.url}/hub-api/v1/submissions`,
      signed.splice(0, Math.floor(signed.length / 2)),
    );
    const b = await load(bare.url, signed);
    console.log(`\n1. Signed submissions, loopback, ${CONCURRENCY} concurrent clients, ${SECONDS} s each`);
    console.log(
      `   hub (Fastify, verify + schema + encrypt + index + audit + alerts, group commit): ${h.rate.toFixed(0)}/s  p50 ${ms(h.p50)}  p99 ${ms(h.p99)}  (${h.n} ok, ${h.errors} errors)`,
    );
    console.log(
      `   reference (node:http + pg, verify + one insert):                                 ${b.rate.toFixed(0)}/s  p50 ${ms(b.p50)}  p99 ${ms(b.p99)}  (${b.n} ok, ${b.errors} errors)`,
    );
    console.log(`   ratio hub/reference throughput: ${(h.rate / b.rate).toFixed(2)}`);
  } finally {
    hub.child.kill("SIGTERM");
    bare.child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function lookups(db: Awaited<ReturnType<typeof createDb>>["db"], reports: number, label: string) {
  const results: string[] = [];
  for (const vis of [{ national: true as const }, { national: false as const, unitId: 13 }]) {
    const lat: number[] = [];
    let hits = 0;
    for (let i = 0; i < 400; i++) {
      const r = Math.floor(Math.random() * reports);
      const id = (await db.execute(sql`SELECT md5(${`r${r}`})::uuid AS id`)) as unknown as {
        rows: { id: string }[];
      };
      const s = performance.now();
      hits += (await findRelatedHits(db, id.rows[0]!.id, vis)).length;
      lat.push(performance.now() - s);
    }
    lat.sort((a, b) => a - b);
    results.push(
      `${vis.national ? "national" : "unit 13"}: p50 ${ms(pct(lat, 50))} p99 ${ms(pct(lat, 99))} (avg ${(hits / 400).toFixed(1)} hits)`,
    );
  }
  console.log(`   lookup at ${label}: ${results.join("; ")}`);
}

async function benchCorrelation(dbUrl: string) {
  const handle = await createDb({ databaseUrl: dbUrl });
  const db = handle.db;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    console.log("\n2. Observation ingestion");
    const indexKey = randomBytes(32);
    const perReport = 10;
    const reports = 2000;
    let t0 = performance.now();
    for (let r = 0; r < reports; r += 8) {
      await Promise.all(
        Array.from({ length: 8 }, (_, k) =>
          db.transaction((tx) =>
            insertObservations(
              tx,
              indexKey,
              { id: randomUUID(), unitId: 13, at: new Date() },
              Array.from({ length: perReport }, (_, j) => ({
                kind: "ipv4" as const,
                value: `198.18.${(r + k) % 250}.${j}`,
                noisy: false,
              })),
            ),
          ),
        ),
      );
    }
    const svcRate = (reports * perReport) / ((performance.now() - t0) / 1000);
    console.log(
      `   through insertObservations (one transaction per report of ${perReport}, 8 concurrent): ${svcRate.toFixed(0)} observations/s`,
    );
    await client.query("TRUNCATE hub_observations");

    // Synthetic index: 10 observations per report, values drawn with a heavy tail (some values recur a lot).
    let loaded = 0;
    const batch = 1_000_000;
    const distinct = Math.floor(OBS_MAX / 4);
    await client.query("SELECT setseed(0.42)");
    let bulkSeconds = 0;
    for (const target of [1_000_000, OBS_MAX]) {
      while (loaded < target) {
        const n = Math.min(batch, target - loaded);
        t0 = performance.now();
        await client.query(
          `INSERT INTO hub_observations (kind, value_hash, report_id, unit_id, observed_at)
           SELECT (v % 14)::smallint, decode(md5('v' || v), 'hex'), md5('r' || r)::uuid, (r % 48)::smallint, now() - make_interval(secs => r)
           FROM (SELECT i / 10 AS r, floor(${distinct} * power(random(), 3))::bigint AS v FROM generate_series($1::bigint, $2::bigint) i) s`,
          [loaded, loaded + n - 1],
        );
        bulkSeconds += (performance.now() - t0) / 1000;
        loaded += n;
      }
      await client.query("ANALYZE hub_observations");
      const size = await client.query<{ total: string; heap: string; n: string }>(
        "SELECT pg_total_relation_size('hub_observations') AS total, pg_relation_size('hub_observations') AS heap, (SELECT count(*) FROM hub_observations) AS n",
      );
      const { total, heap, n } = size.rows[0]!;
      console.log(
        `\n   ${Number(n).toLocaleString()} observations: bulk SQL ingestion ${(loaded / bulkSeconds).toFixed(0)} observations/s (with all three indexes maintained)`,
      );
      console.log(
        `   storage ${(Number(total) / Number(n)).toFixed(1)} bytes/observation incl. indexes (${(Number(heap) / Number(n)).toFixed(1)} heap)`,
      );
      const pairs = await client.query<{ pairs: string }>(
        "SELECT sum(c * (c - 1) / 2)::bigint AS pairs FROM (SELECT count(*)::bigint AS c FROM hub_observations GROUP BY kind, value_hash) g",
      );
      console.log(
        `   a pair table (MISP-style correlation rows) would need ${Number(pairs.rows[0]!.pairs).toLocaleString()} rows = ${(Number(pairs.rows[0]!.pairs) / Number(n)).toFixed(1)}× the observations`,
      );
      await lookups(db, Math.floor(loaded / 10), `${(loaded / 1e6).toFixed(0)}M observations`);
      if (loaded >= OBS_MAX) break;
    }
  } finally {
    await client.end();
    await handle.close();
  }
}

console.log(
  `load average before the run: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} (2-core machine shared with other work)`,
);
const scratch = await scratchDb();
try {
  const migrated = await createDb({ databaseUrl: scratch.url });
  await migrated.close();
  await benchSubmissions(scratch.url);
  await benchCorrelation(scratch.url);
} finally {
  await scratch.drop();
}
