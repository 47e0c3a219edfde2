import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, setupAndLogin, type TestClient } from "../../testing/test-app";

const NOTES = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "..",
  "..",
  "..",
  "shared",
  "data",
  "ransomware",
  "notes",
);

let t: Awaited<ReturnType<typeof buildTestApp>>;
let client: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  ({ client } = await setupAndLogin(t.app));
});
afterAll(() => t.close());

describe("POST /api/ransomware/identify", () => {
  it("identifies a real LockBit note dropped as a file and returns guidance with the police's dated decryptor", async () => {
    const { readdirSync } = await import("node:fs");
    const dir = readdirSync(NOTES).find((d) => d.toLowerCase().startsWith("lockbit"));
    expect(dir).toBeDefined();
    const file = readdirSync(join(NOTES, dir!))[0]!;
    const res = await client.post("/api/ransomware/identify", {
      noteBase64: readFileSync(join(NOTES, dir!, file)).toString("base64"),
      noteFileName: file,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe("identified");
    expect(body.candidates[0].family.toLowerCase()).toContain("lockbit");
    expect(body.candidates[0].evidence.length).toBeGreaterThan(0);
    // The police's own LockBit tool, dated by the annual report it comes from; every decryptor carries its date.
    expect(body.guidance.decryptors.some((d: { source: string }) => d.source === "npa-report")).toBe(true);
    for (const d of body.guidance.decryptors) expect(d.knownAsOf).toMatch(/^\d{4}-\d{2}/);
    expect(body.guidance.payment.summary.ja.length).toBeGreaterThan(0);
  });

  it("answers unknown rather than guessing for an ordinary letter", async () => {
    const res = await client.post("/api/ransomware/identify", {
      noteText: "お世話になっております。来週の打ち合わせの件でご連絡しました。よろしくお願いいたします。",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("unknown");
  });

  it("rejects an empty request and hostile oversized input with a clear 4xx", async () => {
    const empty = await client.post("/api/ransomware/identify", {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("VALIDATION");
    const huge = await client.post("/api/ransomware/identify", { noteText: "A".repeat(3 * 1024 * 1024) });
    expect([400, 413]).toContain(huge.statusCode);
  });

  it("requires a signed-in user", async () => {
    const { TestClient } = await import("../../testing/test-app");
    const anon = new TestClient(t.app);
    await anon.refreshSession();
    expect((await anon.post("/api/ransomware/identify", { noteText: "x" })).statusCode).toBe(401);
  });
});
