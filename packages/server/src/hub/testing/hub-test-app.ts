import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDb, type DbHandle } from "@sonae/db";
import type { TReportPackageInput } from "@sonae/documents";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";

/** Repository root; test data is read from ../shared/data relative to it. */
export const REPO_ROOT = resolve(import.meta.dirname, "../../../../..");
export const NOTES_DIR = resolve(REPO_ROOT, "../shared/data/ransomware/notes");

export function readNote(family: string, file: string): string {
  return readFileSync(join(NOTES_DIR, family, file), "utf8");
}

/** A hub-mode app on in-memory PGlite (or the given handle) with its own data folder for the KEK. */
export async function buildHubTestApp(handle?: DbHandle) {
  process.env.SONAE_HUB_POW_BITS ??= "4";
  process.env.SONAE_HUB_ENROL_POW_BITS ??= "8";
  const db = handle ?? (await createDb({ inMemory: true }));
  const dataDir = mkdtempSync(join(tmpdir(), "sonae-hub-"));
  const config = { ...loadConfig({ SONAE_MODE: "hub" }), dataDir, webDistDir: undefined };
  const app = await buildApp({ db: db.db, dbKind: db.kind, config });
  return {
    app,
    db,
    dataDir,
    close: async () => {
      await app.close();
      if (!handle) await db.close();
    },
  };
}

/** The hub admin (national unit admin) plus signed-in users placed in units with roles. */
export async function setupHubStaff(
  app: FastifyInstance,
  people: { key: string; unitId: number; role: string }[],
) {
  const { client: admin } = await setupAndLogin(app);
  const clients: Record<string, TestClient> = {};
  for (const p of people) {
    const email = `${p.key}-${Math.random().toString(36).slice(2)}@police.example.jp`;
    const created = await admin.post("/api/users", {
      displayName: p.key,
      email,
      password: TEST_PASSWORD,
      role: "member",
    });
    if (created.statusCode !== 201) throw new Error(`user: ${created.statusCode} ${created.body}`);
    const set = await admin.put("/api/hub/memberships", { email, unitId: p.unitId, role: p.role });
    if (set.statusCode !== 200) throw new Error(`membership: ${set.statusCode} ${set.body}`);
    const c = new TestClient(app);
    await c.login(email, TEST_PASSWORD);
    clients[p.key] = c;
  }
  return { admin, clients };
}

/** A fetch that goes to the in-process app (for the hub client functions). */
export function injectFetch(app: FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const res = await app.inject({
      method: (init?.method ?? "GET") as "POST",
      url: url.pathname,
      headers: { "content-type": "application/json" },
      payload: init?.body as string,
    });
    return new Response(res.body, {
      status: res.statusCode,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
}

/** A valid report package (documents' schema) with a real ransom note as its note text. */
export function samplePackage(
  overrides: { title?: string; noteText?: string; indicators?: TReportPackageInput["indicators"] } = {},
): TReportPackageInput {
  const now = new Date().toISOString();
  return {
    formatVersion: "1.0.0",
    generatedAt: now,
    confidentiality: "取扱注意 / Confidential",
    tlp: "amber",
    organisation: { name: "株式会社テスト", prefecture: "13" },
    contactPerson: { name: "情報 花子", phone: "03-0000-0000", reachable24h: true },
    incident: {
      reference: "INC-1",
      title: overrides.title ?? "ファイルサーバ暗号化",
      discoveredAt: now,
      discoveredHow: "利用者からの連絡",
      summary: "ファイルサーバのファイルが暗号化され、脅迫文が置かれていた。",
      personalDataInvolved: "unknown",
      request: "damage-report",
    },
    timeline: [],
    affectedTerminals: [],
    networkDiagram: { description: "単一拠点", attachments: [] },
    internetFacingDevices: [],
    ransom: {
      encrypted: "yes",
      leakThreatened: "yes",
      demanded: "yes",
      noteText: overrides.noteText,
      paid: "no",
    },
    intrusion: { method: "unknown" },
    indicators: overrides.indicators ?? [],
    actionsTaken: [],
    otherNotifications: [],
    sourceNotes: [],
  } as TReportPackageInput;
}
