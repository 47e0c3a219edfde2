import { execFile } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { evidenceCustody } from "@sonae/db";
import { preserveEvidence } from "@sonae/evidence";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";
import { buildEvidenceTestApp, uploadBundle } from "./testing/evidence-fixtures";

const LOGS = path.resolve(
  import.meta.dirname,
  "../../../../../../shared/data/logs/wazuh-ruleset-tests/extracted-lines",
);
let dir: string;
let t: Awaited<ReturnType<typeof buildEvidenceTestApp>>;
let admin: TestClient;
let incidentId: string;

beforeAll(async () => {
  process.env.SONAE_KIT_NTP_SERVER = "off";
  dir = await mkdtemp(path.join(tmpdir(), "sonae-signer-keys-"));
  t = await buildEvidenceTestApp(path.join(dir, "data"));
  admin = (await setupAndLogin(t.app)).client;
  incidentId = (await admin.post("/api/incidents", { symptoms: ["files_encrypted"] })).json().id;
}, 60_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const listBundles = async () =>
  (await admin.get(`/api/incidents/${incidentId}/evidence`)).json() as Array<{
    sha256: string;
    verified: boolean;
    signer: Record<string, unknown>;
  }>;

describe("collector kits and known signer keys", () => {
  it("a kit downloaded from the incident, run on a Linux machine, gives a bundle shown as collected by that kit", async () => {
    const tree = path.join(dir, "machine", "vpn-export");
    await mkdir(tree, { recursive: true });
    for (const name of (await readdir(LOGS)).sort().slice(0, 4))
      await copyFile(path.join(LOGS, name), path.join(tree, name));
    const res = await admin.post(`/api/incidents/${incidentId}/evidence/kits`, {
      platform: "linux-x64",
      issuedTo: "情報システム部 山田",
      extraPaths: [tree],
      targetIds: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const kitId = res.headers["x-sonae-kit-id"] as string;
    expect(kitId).toMatch(/^KIT-/);
    expect(String(res.headers["content-disposition"])).toContain(`${kitId}"`);
    const kit = path.join(dir, "kit");
    await writeFile(kit, res.rawPayload);
    await chmod(kit, 0o755);
    const out = path.join(dir, "usb");
    await mkdir(out);
    const { stdout } = await promisify(execFile)(kit, ["--examiner", "鑑識 花子", "--out", out]);
    expect(stdout).toContain("Every target was collected.");
    const bundleName = (await readdir(out)).find((n) => n.endsWith(".zip")) ?? "";
    const upload = await uploadBundle(
      admin,
      incidentId,
      await readFile(path.join(out, bundleName)),
      bundleName,
    );
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({
      verified: true,
      signer: {
        status: "kit",
        kitId,
        issuedTo: "情報システム部 山田",
        fingerprint: res.headers["x-sonae-kit-fingerprint"],
      },
    });
    const [custody] = await t.db.db
      .select()
      .from(evidenceCustody)
      .orderBy(desc(evidenceCustody.seq))
      .limit(1);
    expect(custody?.details).toMatchObject({
      signer: { status: "kit", kitId, issuedTo: "情報システム部 山田" },
    });
    const kits = (await admin.get(`/api/incidents/${incidentId}/evidence/kits`)).json();
    expect(kits).toEqual([
      expect.objectContaining({ kind: "kit", kitId, issuedTo: "情報システム部 山田", platform: "linux-x64" }),
    ]);
  }, 180_000);

  it("a valid signature by a key nobody here knows is 'signer unknown' until a person adds the key", async () => {
    const out = path.join(dir, "stranger.zip");
    const keyDir = path.join(dir, "stranger-keys");
    const made = await preserveEvidence({
      paths: [LOGS],
      caseId: "C-X",
      examiner: "誰か",
      outPath: out,
      keyDir,
      ntpServer: null,
    });
    const fingerprint = made.manifest.signer.fingerprint;
    const upload = await uploadBundle(admin, incidentId, await readFile(out), "stranger.zip");
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json().signer).toMatchObject({ status: "unknown", fingerprint });
    expect(upload.json().verified).toBe(true);

    const email = `member-${Date.now()}@example.jp`;
    await admin.post("/api/users", { displayName: "member", email, password: TEST_PASSWORD, role: "member" });
    const member = new TestClient(t.app);
    await member.login(email, TEST_PASSWORD);
    const publicKeyPem = await readFile(path.join(keyDir, "evidence-signing.pub"), "utf8");
    expect(
      (await member.post("/api/evidence/signer-keys", { label: "県警 鑑識", publicKeyPem })).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.post("/api/evidence/signer-keys", {
          label: "壊れた鍵",
          publicKeyPem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
        })
      ).statusCode,
    ).toBe(400);
    const added = await admin.post("/api/evidence/signer-keys", { label: "県警 鑑識", publicKeyPem });
    expect(added.statusCode, added.body).toBe(201);
    expect((await admin.post("/api/evidence/signer-keys", { label: "again", publicKeyPem })).statusCode).toBe(
      409,
    );
    const signer = (await listBundles()).find((b) => b.signer.fingerprint === fingerprint)?.signer;
    expect(signer).toMatchObject({ status: "person", label: "県警 鑑識" });
    const keys = (await admin.get("/api/evidence/signer-keys")).json() as Array<{ kind: string }>;
    expect(keys.map((k) => k.kind).sort()).toEqual(["kit", "person"]);
    expect(
      (await admin.request({ method: "DELETE", url: `/api/evidence/signer-keys/${added.json().id}` }))
        .statusCode,
    ).toBe(204);
    expect((await listBundles()).find((b) => b.signer.fingerprint === fingerprint)?.signer.status).toBe(
      "unknown",
    );
  }, 60_000);
});
