import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScratchPostgresDatabase } from "@sonae/db/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, signHubRequest } from "../org/hub-client/hub-client";
import { insertConfirmedKey } from "./testing/confirmed-key";
import { REPO_ROOT, samplePackage } from "./testing/hub-test-app";

/**
 * Reliability (issue 9 §8): SIGKILL the hub repeatedly while organisations submit. Every
 * submission that got a receipt must be in the database exactly once, with the receipt's reference.
 * Needs PostgreSQL (TEST_DATABASE_URL): that is the production database of the hub.
 */
const url = process.env.TEST_DATABASE_URL;
const KILLS = 3;
if (!url)
  console.warn("[sonae] TEST_DATABASE_URL is not set: the hub kill test needs PostgreSQL and is not run.");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function startHub(env: Record<string, string>): ChildProcess {
  const entry = join(REPO_ROOT, "packages/server/src/hub/testing/hub-server-entry.ts");
  return spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, SONAE_MODE: "hub", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
}

async function waitUp(base: string, child: ChildProcess) {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("hub exited during start");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("hub did not start");
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.skipIf(!url)("hub under SIGKILL (PostgreSQL)", () => {
  it("keeps every acknowledged submission exactly once across kills", async () => {
    const scratch = await createScratchPostgresDatabase();
    cleanups.push(() => scratch.drop());
    const dataDir = mkdtempSync(join(tmpdir(), "sonae-hub-kill-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: scratch.url, SONAE_DATA_DIR: dataDir, PORT: String(port) };
    const org = generateHubOrgKeyPair();
    const payload = samplePackage();
    const acked = new Map<string, string>();
    const pending: string[] = [];
    let child = startHub(env);
    cleanups.push(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    await waitUp(base, child);
    await insertConfirmedKey(scratch.url, org.publicKey, "株式会社K", 13);

    let running = true;
    const worker = async () => {
      while (running) {
        // Retry an unanswered submission with the same id half the time (what the client does).
        const id = pending.length > 0 && Math.random() < 0.5 ? pending.pop()! : randomUUID();
        const body = signHubRequest(
          { type: "submission", submissionId: id, orgName: "株式会社K", prefectureCode: "13", payload },
          org.privateKeyPem,
        );
        try {
          const res = await fetch(`${base}/hub-api/v1/submissions`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(5000),
          });
          if (res.status === 201 || res.status === 200) {
            const receipt = (await res.json()) as { reference: string };
            const earlier = acked.get(id);
            if (earlier && earlier !== receipt.reference) throw new Error(`two receipts for ${id}`);
            acked.set(id, receipt.reference);
          } else pending.push(id);
        } catch (error) {
          if ((error as Error).message.startsWith("two receipts")) throw error;
          pending.push(id);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 1200 + Math.random() * 800));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      child = startHub(env);
      await waitUp(base, child);
    }
    await new Promise((r) => setTimeout(r, 800));
    running = false;
    await Promise.all(workers);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));

    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const { rows } = await client.query<{ submission_id: string; reference: string; n: string }>(
      "SELECT submission_id, min(reference) AS reference, count(*) AS n FROM hub_reports GROUP BY submission_id",
    );
    await client.end();
    const stored = new Map(rows.map((r) => [r.submission_id, r]));
    console.log(
      `[hub kill test] ${KILLS} SIGKILLs, ${acked.size} acknowledged, ${rows.length} stored, ${pending.length} unanswered at the end`,
    );
    expect(acked.size).toBeGreaterThan(20);
    for (const [id, reference] of acked) {
      expect(stored.get(id)?.reference, id).toBe(reference);
    }
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
  }, 150_000);
});
