/**
 * npm run bench:http — authenticated GET and write throughput and p99 latency on loopback with
 * autocannon, for PGlite and PostgreSQL, against a bare Fastify "hello" server as the reference
 * ceiling in the same run. The Sonae server runs in a child process started like `npm start`.
 * Each database is measured twice: with the in-process session cache (the default) and with it
 * off (SONAE_SESSION_CACHE_TTL_MS=0, every request looks the session up), so the difference is
 * measured under the same load. The load average is printed because the figures depend on it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import pg from "pg";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PASSWORD = "benchmark passphrase 2026";

type Result = { label: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function run(label: string, opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts });
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

async function startChild(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "packages/cli/src/bin.ts"), "start"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("server did not start");
}

/** Sets up an organisation (or reuses it) and returns the cookie header and CSRF token of an admin session. */
async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, csrf?: string) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        "content-type": "application/json",
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!, v!);
    }
    return res;
  };
  const session = (await (await call("GET", "/api/session")).json()) as {
    csrfToken: string;
    setupRequired: boolean;
  };
  const email = "bench@example.jp";
  if (session.setupRequired) {
    const res = await call(
      "POST",
      "/api/setup",
      {
        organisation: {
          name: "ベンチマーク株式会社",
          prefectureCode: "13",
          industryCode: "E",
          capitalYen: 1e7,
          employees: 10,
        },
        admin: { displayName: "bench", email, password: PASSWORD },
      },
      session.csrfToken,
    );
    if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  }
  const login = await call("POST", "/api/auth/login", { email, password: PASSWORD }, session.csrfToken);
  if (login.status !== 204) throw new Error(`login failed: ${login.status}`);
  const fresh = (await (await call("GET", "/api/session")).json()) as { csrfToken: string };
  return { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), csrf: fresh.csrfToken };
}

async function benchSonae(label: string, env: Record<string, string>, port: number): Promise<Result[]> {
  const child = await startChild(env, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const { cookie, csrf } = await signIn(base);
    const headers = { cookie, "x-csrf-token": csrf, "content-type": "application/json" };
    const get = await run(`${label} GET /api/organisation`, { url: `${base}/api/organisation`, headers });
    const body = JSON.stringify({
      name: "ベンチマーク株式会社",
      prefectureCode: "13",
      industryCode: "E",
      smeSubSector: null,
      capitalYen: 1e7,
      employees: 11,
    });
    const write = await run(`${label} PUT /api/organisation (transaction + audit row)`, {
      url: `${base}/api/organisation`,
      method: "PUT",
      headers,
      body,
    });
    return [get, write];
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function benchReference(): Promise<Result> {
  const app = Fastify();
  app.get("/hello", async () => ({ hello: "world" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  try {
    return await run("reference: bare Fastify GET (no auth, no DB)", {
      url: `http://127.0.0.1:${port}/hello`,
    });
  } finally {
    await app.close();
  }
}

const CACHE_OFF = { SONAE_SESSION_CACHE_TTL_MS: "0" };
const formatLoad = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main() {
  const loadBefore = formatLoad();
  const results: Result[] = [await benchReference()];
  const dataDir = mkdtempSync(join(tmpdir(), "sonae-bench-"));
  try {
    results.push(...(await benchSonae("pglite", { SONAE_DATA_DIR: dataDir }, 18_791)));
    const off = { SONAE_DATA_DIR: dataDir, ...CACHE_OFF };
    results.push(...(await benchSonae("pglite, session cache off", off, 18_791)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const baseUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  const dbName = `sonae_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  try {
    results.push(...(await benchSonae("postgres", { DATABASE_URL: url.toString() }, 18_792)));
    const off = { DATABASE_URL: url.toString(), ...CACHE_OFF };
    results.push(...(await benchSonae("postgres, session cache off", off, 18_792)));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  const ref = results[0]!.rps;
  console.log(`\nbench:http — ${DURATION}s per run, ${CONNECTIONS} connections, loopback`);
  console.log(`load average (1/5/15 min): before ${loadBefore}, after ${formatLoad()}\n`);
  console.log("| run | req/s | p50 ms | p99 ms | errors | non-2xx | vs reference |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${(r.rps / ref).toFixed(3)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
