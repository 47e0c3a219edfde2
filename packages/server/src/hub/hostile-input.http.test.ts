import { createPrivateKey, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvidenceTestApp, uploadBundle, writeRawZip } from "../org/evidence/testing/evidence-fixtures";
import { generateHubOrgKeyPair, signHubRequest } from "../org/hub-client/hub-client";
import { setupAndLogin, type TestClient } from "../testing/test-app";
import { buildHubTestApp, samplePackage } from "./testing/hub-test-app";

/** Issue 16 §3: hostile inputs are refused with a clear 4xx, never a 500, and cheaply. */
const deepText = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

describe("hostile input on the hub", () => {
  let t: Awaited<ReturnType<typeof buildHubTestApp>>;
  beforeAll(async () => {
    t = await buildHubTestApp();
  });
  afterAll(() => t.close());

  it("refuses 5,000-deep evidenceManifests in a signed submission with 400 (was 500 from sealJson)", async () => {
    // Built as text: a 5,000-deep value cannot even be serialised by recursive code (that was the bug).
    const org = generateHubOrgKeyPair();
    const shallow = signHubRequest(
      {
        type: "submission",
        submissionId: "deep-0000001",
        orgName: "株式会社テスト",
        prefectureCode: "13",
        payload: samplePackage(),
        evidenceManifests: [{ nested: "DEEP" }],
      },
      org.privateKeyPem,
    );
    const body = shallow.body.replace('"DEEP"', deepText(5_000));
    const request = {
      ...shallow,
      body,
      signature: sign(null, Buffer.from(body), createPrivateKey(org.privateKeyPem)).toString("base64url"),
    };
    const res = await t.app.inject({ method: "POST", url: "/hub-api/v1/submissions", payload: request });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/over a limit|上限/);
  });

  it("refuses deeply nested and over-wide request bodies before any route sees them", async () => {
    for (const payload of [deepText(5_000), `[${"0,".repeat(300_000)}0]`]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/hub-api/v1/cases",
        headers: { "content-type": "application/json", "accept-language": "en" },
        payload,
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(400);
      expect(res.json().error.message).toMatch(/structural limit/);
    }
    const ja = await t.app.inject({
      method: "POST",
      url: "/hub-api/v1/submissions",
      headers: { "content-type": "application/json" },
      payload: deepText(5_000),
    });
    expect(ja.statusCode).toBe(400);
    expect(ja.json().error.message).toMatch(/上限/);
  });

  it("answers malformed signed bodies with 4xx", async () => {
    const org = generateHubOrgKeyPair();
    const good = signHubRequest({ type: "submission" }, org.privateKeyPem);
    for (const body of [
      good,
      { ...good, body: "[1,2" },
      { ...good, body: deepText(100) },
      { publicKey: "x" },
      [],
    ]) {
      const res = await t.app.inject({ method: "POST", url: "/hub-api/v1/submissions", payload: body });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
  });
});

describe("hostile evidence bundles on the organisation side", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sonae-hostile-"));
  let t: Awaited<ReturnType<typeof buildEvidenceTestApp>>;
  let admin: TestClient;
  let incidentId: string;
  beforeAll(async () => {
    t = await buildEvidenceTestApp(dir);
    admin = (await setupAndLogin(t.app)).client;
    incidentId = (await admin.post("/api/incidents", { symptoms: ["files_encrypted"] })).json().id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a small zip whose manifest inflates past the cap, without reading it into memory", async () => {
    // 64 MiB of manifest in about 64 KB of zip (the reported attack used a 510 KB zip).
    const file = path.join(dir, "manifest-bomb.zip");
    await writeRawZip(file, [
      { name: "manifest.json", data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
      { name: "manifest.sig", data: Buffer.from("x") },
    ]);
    const zip = await readFile(file);
    expect(zip.length).toBeLessThan(600 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const res = await uploadBundle(admin, incidentId, zip, "bomb.zip");
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe("EVIDENCE_REJECTED");
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(48 * 1024 * 1024);
  });

  it("refuses a zip with more entries than the cap before reading them", async () => {
    const file = path.join(dir, "many.zip");
    await writeRawZip(
      file,
      Array.from({ length: 60_000 }, (_, i) => ({ name: `files/1/f${i}.txt`, data: Buffer.from("a") })),
    );
    const started = performance.now();
    const res = await uploadBundle(admin, incidentId, await readFile(file), "many.zip");
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.message).toMatch(/60000 entries > 50000/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
