import { createHash } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { auditEvents, evidenceBundles, evidenceCustody, organisations, users } from "@sonae/db";
import { type CustodyEntry, preserveEvidence, verifyCustodyChain } from "@sonae/evidence";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";
import { buildEvidenceTestApp, readZipEntries, uploadBundle, writeRawZip } from "./testing/evidence-fixtures";

const EVTX = path.resolve(import.meta.dirname, "../../../../../../shared/data/evtx");
/** Log-clearing samples listed in curated-subset.csv (Security 1102 and System 104). */
const CLEARED_1102 = path.join(EVTX, "EVTX-ATTACK-SAMPLES/Defense Evasion/DE_1102_security_log_cleared.evtx");
const CLEARED_104 = path.join(EVTX, "EVTX-ATTACK-SAMPLES/Defense Evasion/DE_104_system_log_cleared.evtx");

let dir: string;
let t: Awaited<ReturnType<typeof buildEvidenceTestApp>>;
let admin: TestClient;
let incidentId: string;
let bundle: Buffer;
let sha256: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-evidence-http-"));
  t = await buildEvidenceTestApp(path.join(dir, "data"));
  admin = (await setupAndLogin(t.app)).client;
  const created = await admin.post("/api/incidents", { symptoms: ["files_encrypted"] });
  expect(created.statusCode, created.body).toBe(201);
  incidentId = created.json().id;
  const out = path.join(dir, "bundle.zip");
  await preserveEvidence({
    paths: [CLEARED_1102, CLEARED_104],
    caseId: "CASE-2026-001",
    examiner: "情報システム課 佐藤",
    outPath: out,
    keyDir: path.join(dir, "keys"),
    ntpServer: null,
  });
  bundle = await readFile(out);
  sha256 = createHash("sha256").update(bundle).digest("hex");
}, 60_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const base = () => `/api/incidents/${incidentId}/evidence`;
const vaultFiles = async () =>
  (await readdir(path.join(dir, "data/evidence"), { recursive: true })).filter((f) =>
    /[0-9a-f]{64}$/.test(f),
  );

async function clientFor(role: "member" | "viewer", organisationId?: string) {
  const email = `${role}-${Date.now()}-${Math.random()}@example.jp`;
  let userId: string;
  if (organisationId) {
    const [u] = await t.db.db
      .insert(users)
      .values({ organisationId, email, displayName: "他社", role, passwordHash: await hash(TEST_PASSWORD) })
      .returning();
    userId = u!.id;
  } else {
    const res = await admin.post("/api/users", {
      displayName: `${role} 次郎`,
      email,
      password: TEST_PASSWORD,
      role,
    });
    userId = res.json().id;
  }
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  return { client, userId };
}

describe("evidence vault over HTTP", () => {
  it("stores a real bundle made by preserveEvidence, verified, with its manifest summary", async () => {
    const res = await uploadBundle(admin, incidentId, bundle, "pc-01.zip");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sha256, verified: true, fileCount: 2, caseId: "CASE-2026-001" });
    expect(await vaultFiles()).toHaveLength(1);
    const again = await uploadBundle(admin, incidentId, bundle);
    expect(again.statusCode).toBe(409);
    const list = await admin.get(base());
    expect(list.json().map((b: { sha256: string }) => b.sha256)).toEqual([sha256]);
    const openapi = (await admin.get("/api/openapi.json")).json();
    for (const route of [
      "/api/incidents/{id}/evidence",
      "/api/incidents/{id}/evidence/{sha256}/download",
      "/api/incidents/{id}/evidence/{sha256}/triage",
      "/api/incidents/{id}/triage/timeline",
    ])
      expect(Object.keys(openapi.paths)).toContain(route);
    const overview = await admin.get("/api/evidence");
    expect(overview.json()[0]).toMatchObject({ incidentId, bundles: [{ sha256 }] });
  });

  it("shows the detail and continues the bundle's custody chain, which verifies", async () => {
    const res = await admin.get(`${base()}/${sha256}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.files.map((f: { sha256: string }) => f.sha256)).toContain(
      createHash("sha256")
        .update(await readFile(CLEARED_104))
        .digest("hex"),
    );
    expect(detail.collector).toHaveProperty("hostname");
    expect(detail.custodyValid).toBe(true);
    const actions = detail.custody.map((c: { action: string; origin: string }) => `${c.origin}:${c.action}`);
    expect(actions.slice(0, 1)).toEqual(["bundle:preservation.started"]);
    expect(actions.slice(-2)).toEqual(["server:vault.stored", "server:vault.viewed"]);
    expect(verifyCustodyChain(detail.custody as CustodyEntry[])).toEqual([]);
    // The database refuses edits of custody rows (migration 0009)…
    const [row] = await t.db.db
      .select()
      .from(evidenceCustody)
      .where(eq(evidenceCustody.action, "vault.stored"));
    const edit = (actor: string) =>
      t.db.db.update(evidenceCustody).set({ actor }).where(eq(evidenceCustody.id, row!.id));
    await expect(edit("someone else")).rejects.toThrow();
    // …and with the trigger switched off (a database superuser), the hash chain still shows the edit.
    await t.db.db.execute(sql`ALTER TABLE evidence_custody DISABLE TRIGGER evidence_custody_no_update`);
    await edit("someone else");
    const broken = (await admin.get(`${base()}/${sha256}`)).json();
    expect(broken.custodyValid).toBe(false);
    expect(broken.custodyFailures[0].code).toBe("BAD_HASH");
    await edit(row!.actor);
    await t.db.db.execute(sql`ALTER TABLE evidence_custody ENABLE TRIGGER evidence_custody_no_update`);
  });

  it("downloads the exact bytes, verified while streaming, after writing custody and audit", async () => {
    const res = await admin.get(`${base()}/${sha256}/download`);
    expect(res.statusCode).toBe(200);
    expect(createHash("sha256").update(res.rawPayload).digest("hex")).toBe(sha256);
    const csv = await admin.get(`${base()}/${sha256}/manifest.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    const rows = await t.db.db.select().from(evidenceCustody);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["vault.downloaded", "vault.manifest_exported"]),
    );
    const audit = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, "evidence.downloaded"));
    expect(audit.map((a) => (a.payload as { what: string }).what).sort()).toEqual(["bundle", "manifest_csv"]);
  });

  it("stops a download when the stored bytes no longer match their hash", async () => {
    const file = path.join(dir, "data/evidence/sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect((await stat(file)).mode & 0o777).toBe(0o444);
    const original = await readFile(file);
    const damaged = Buffer.from(original);
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    await chmod(file, 0o644);
    await writeFile(file, damaged);
    try {
      const outcome = await admin.get(`${base()}/${sha256}/download`).then(
        (res) => createHash("sha256").update(res.rawPayload).digest("hex"),
        (error: unknown) => error,
      );
      expect(outcome).not.toBe(sha256);
      expect(outcome).not.toBe(createHash("sha256").update(damaged).digest("hex"));
    } finally {
      await writeFile(file, original);
      await chmod(file, 0o444);
    }
  });

  it("rejects a tampered bundle, a traversal name and a zip bomb with 422, storing nothing", async () => {
    const bundlesBefore = (await t.db.db.select().from(evidenceBundles)).length;
    const entries = await readZipEntries(path.join(dir, "bundle.zip"));
    const tampered = entries.map(([name, data]): { name: string; data: Buffer } =>
      name.endsWith(".evtx") && name.includes("DE_104")
        ? { name, data: Buffer.concat([data, Buffer.from("x")]) }
        : { name, data },
    );
    const cases: Array<[string, Array<{ name: string; data: Buffer; declaredSize?: number }>, RegExp]> = [
      ["tampered.zip", tampered, /検証に失敗|verification/],
      ["traversal.zip", [{ name: "../../etc/cron.d/evil", data: Buffer.from("x") }], /.+/],
      [
        "bomb.zip",
        [{ name: "files/1/zeros.bin", data: Buffer.alloc(10_000), declaredSize: 0xfffffff0 }],
        /.+/,
      ],
    ];
    const notZip = await uploadBundle(admin, incidentId, Buffer.from("MZ this is not a zip"), "evil.exe");
    expect(notZip.statusCode, notZip.body).toBe(422);
    expect(notZip.json().error.message).toContain("ZIP");
    for (const [name, zipEntries, message] of cases) {
      const file = path.join(dir, name);
      await writeRawZip(file, zipEntries);
      const res = await uploadBundle(admin, incidentId, await readFile(file), name);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(422);
      expect(res.json().error.code).toBe("EVIDENCE_REJECTED");
      expect(res.json().error.message).toMatch(message);
    }
    expect(await vaultFiles()).toHaveLength(1);
    expect(await readdir(path.join(dir, "data/evidence/tmp"))).toEqual([]);
    expect(await t.db.db.select().from(evidenceBundles)).toHaveLength(bundlesBefore);
  });

  it("hides evidence from people outside the incident team and from other organisations (404)", async () => {
    const member = await clientFor("member");
    const viewer = await clientFor("viewer");
    for (const c of [member.client, viewer.client]) {
      expect((await c.get(base())).statusCode).toBe(404);
      expect((await c.get(`${base()}/${sha256}`)).statusCode).toBe(404);
      expect((await c.get(`${base()}/${sha256}/download`)).statusCode).toBe(404);
      expect((await uploadBundle(c, incidentId, bundle)).statusCode).toBe(404);
    }
    expect((await admin.put("/api/incidents/team", { userIds: [viewer.userId] })).statusCode).toBe(200);
    expect((await viewer.client.get(`${base()}/${sha256}`)).statusCode).toBe(200);
    expect((await uploadBundle(viewer.client, incidentId, bundle)).statusCode).toBe(403);
    const [org] = await t.db.db
      .insert(organisations)
      .values({ name: "他社", prefectureCode: "27", industryCode: "G" })
      .returning();
    const stranger = await clientFor("member", org!.id);
    // An admin of another organisation is in its own incident team, and still sees nothing here.
    await t.db.db.update(users).set({ role: "admin" }).where(eq(users.id, stranger.userId));
    const strangerAdmin = new TestClient(t.app);
    const email = (await t.db.db.select().from(users).where(eq(users.id, stranger.userId)))[0]!.email;
    await strangerAdmin.login(email, TEST_PASSWORD);
    expect((await strangerAdmin.get(base())).statusCode).toBe(404);
    expect((await strangerAdmin.get(`${base()}/${sha256}`)).statusCode).toBe(404);
    expect((await strangerAdmin.get(`${base()}/${sha256}/download`)).statusCode).toBe(404);
    expect((await strangerAdmin.post(`${base()}/${sha256}/triage`)).statusCode).toBe(404);
    expect((await strangerAdmin.get("/api/evidence")).json()).toEqual([]);
  });
});

describe("evidence upload size limit", () => {
  it("answers 413 above SONAE_EVIDENCE_MAX_BYTES and keeps nothing", async () => {
    const previous = process.env.SONAE_EVIDENCE_MAX_BYTES;
    process.env.SONAE_EVIDENCE_MAX_BYTES = String(Math.floor(bundle.length / 2));
    const small = await buildEvidenceTestApp(path.join(dir, "data-small"));
    try {
      const client = (await setupAndLogin(small.app)).client;
      const id = (await client.post("/api/incidents", { symptoms: ["files_encrypted"] })).json().id;
      const res = await uploadBundle(client, id, bundle);
      expect(res.statusCode, res.body).toBe(413);
      expect(await small.db.db.select().from(evidenceBundles)).toHaveLength(0);
      const stored = await readdir(path.join(dir, "data-small/evidence"), { recursive: true }).catch(
        () => [],
      );
      expect(stored.filter((f) => /[0-9a-f]{64}$|\.upload$/.test(String(f)))).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.SONAE_EVIDENCE_MAX_BYTES;
      else process.env.SONAE_EVIDENCE_MAX_BYTES = previous;
      await small.close();
    }
  });
});
