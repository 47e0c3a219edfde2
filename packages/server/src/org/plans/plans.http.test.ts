import { organisations, users } from "@sonae/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../platform/auth/password";
import { buildTestApp, setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";
import {
  countPdfPages,
  EXTERNAL_REFERENCE,
  extractSquashedPdfText,
  measureFirstPageInk,
} from "./testing/pdf-tools";
import { seedPlanRecord, TEST_DESK_PHONE } from "./testing/plans-fixture";

let t: Awaited<ReturnType<typeof buildTestApp>>;
let admin: TestClient;
let desk: string;

beforeAll(async () => {
  t = await buildTestApp();
  const s = await setupAndLogin(t.app);
  admin = s.client;
  ({ desk } = await seedPlanRecord(t.db.db, s.organisation.id));
});
afterAll(() => t.close());

async function userClient(role: "member" | "viewer") {
  const email = `${role}-${Date.now()}@example.jp`;
  const res = await admin.post("/api/users", {
    displayName: `${role} 次郎`,
    email,
    password: TEST_PASSWORD,
    role,
  });
  expect(res.statusCode).toBe(201);
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  return client;
}

async function strangerClient() {
  const [org] = await t.db.db
    .insert(organisations)
    .values({ name: "他社", prefectureCode: "27", industryCode: "G" })
    .returning();
  const email = `other-${Date.now()}@example.jp`;
  await t.db.db.insert(users).values({
    organisationId: org!.id,
    email,
    displayName: "他社 管理者",
    role: "admin",
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  return client;
}

/** Key phrases of the police's first-response steps (written independently of the templates). */
const STEPS = ["ネットワークから隔離", "電源を切らない", "ログとデータを保全", "警察へ通報"];

describe("plans over HTTP", () => {
  it("adds a business function, generates the manual, BCP and card, and downloads them offline-ready", async () => {
    const created = await admin.post("/api/plans/business-functions", {
      name: "顧客問い合わせ窓口",
      priority: 3,
      rtoHours: 48,
      manualWorkaround: "代表電話で受け付け紙に記録",
    });
    expect(created.statusCode).toBe(201);
    const list = await admin.get("/api/plans/business-functions");
    expect(list.json().items.map((f: { name: string }) => f.name)).toEqual([
      "受注・出荷",
      "生産管理",
      "顧客問い合わせ窓口",
    ]);

    for (const kind of ["manual", "bcp", "card"]) {
      const res = await admin.post("/api/plans/documents", { kind });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind, version: 1, approvedAt: null, isReviewOverdue: false });
    }

    const pdf = await admin.get("/api/plans/documents/manual/1/download?format=pdf&lang=ja");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const text = extractSquashedPdfText(pdf.rawPayload);
    expect(text).toContain(desk.replace(/\s+/g, ""));
    expect(text).toContain(TEST_DESK_PHONE);
    for (const step of STEPS) expect(text).toContain(step);
    expect(measureFirstPageInk(pdf.rawPayload)).toBeGreaterThan(0.01);
    // Versions are re-rendered from their snapshot: the same version gives the same bytes.
    const again = await admin.get("/api/plans/documents/manual/1/download?format=pdf&lang=ja");
    expect(again.rawPayload.equals(pdf.rawPayload)).toBe(true);

    const bcp = extractSquashedPdfText(
      (await admin.get("/api/plans/documents/bcp/1/download?format=pdf")).rawPayload,
    );
    expect(bcp).toContain("顧客問い合わせ窓口");
    expect(bcp).toContain("48時間");

    const html = await admin.get("/api/plans/documents/bcp/1/download?format=html&lang=en");
    expect(html.headers["content-type"]).toContain("text/html");
    expect(html.body).toContain(TEST_DESK_PHONE);
    expect(html.body).toContain('<html lang="en">');
    expect(html.body).toContain("Tokyo");
    expect(html.body).not.toMatch(EXTERNAL_REFERENCE);

    const card = await admin.get("/api/plans/documents/card/1/download?format=pdf");
    expect(countPdfPages(card.rawPayload)).toBe(1);
    expect(extractSquashedPdfText(card.rawPayload)).toContain(TEST_DESK_PHONE);
    expect((await admin.get("/api/plans/documents/card/1/download?format=html")).statusCode).toBe(400);

    const audit = await admin.get("/api/audit?type=plans.document_downloaded");
    expect(audit.json().entries.length).toBeGreaterThanOrEqual(4);
  });

  it("approves (admins only), diffs versions and reports the review status", async () => {
    const member = await userClient("member");
    expect((await member.post("/api/plans/documents", { kind: "manual" })).json().version).toBe(2);
    expect((await member.post("/api/plans/documents/manual/2/approve")).statusCode).toBe(403);
    const approved = await admin.post("/api/plans/documents/manual/2/approve");
    expect(approved.statusCode).toBe(200);
    expect(approved.json().nextReviewDue).not.toBeNull();

    const fn = (await admin.get("/api/plans/business-functions")).json().items[0];
    await admin.put(`/api/plans/business-functions/${fn.id}`, { ...fn, rtoHours: 12 });
    await admin.post("/api/plans/documents", { kind: "bcp" });
    const diff = await admin.get("/api/plans/documents/bcp/diff?from=1&to=2");
    expect(diff.statusCode).toBe(200);
    const parts = diff.json().parts as { op: string; lines: string[] }[];
    expect(
      parts.some(
        (p) => p.op === "removed" && p.lines.some((l) => l.includes("受注・出荷") && l.includes("24")),
      ),
    ).toBe(true);
    expect(
      parts.some(
        (p) => p.op === "added" && p.lines.some((l) => l.includes("受注・出荷") && l.includes("12")),
      ),
    ).toBe(true);

    const status = (await admin.get("/api/plans/review-status")).json();
    // The BCP is not approved yet: the readiness item is not met.
    expect(status.isReviewedWithin12Months).toBe(false);
    await admin.post("/api/plans/documents/bcp/2/approve");
    expect((await admin.get("/api/plans/review-status")).json().isReviewedWithin12Months).toBe(true);
  });

  it("lets viewers read but not write, and shows another organisation nothing", async () => {
    const viewer = await userClient("viewer");
    expect((await viewer.get("/api/plans/documents")).statusCode).toBe(200);
    expect((await viewer.post("/api/plans/documents", { kind: "manual" })).statusCode).toBe(403);
    expect(
      (await viewer.post("/api/plans/business-functions", { name: "x", priority: 1, rtoHours: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await viewer.post("/api/drills", { scenarioId: "ransomware-vpn", participants: [{ name: "x" }] }))
        .statusCode,
    ).toBe(403);

    const stranger = await strangerClient();
    expect((await stranger.get("/api/plans/documents")).json().items).toEqual([]);
    expect((await stranger.get("/api/plans/business-functions")).json().items).toEqual([]);
    expect((await stranger.get("/api/plans/documents/manual/1/download")).statusCode).toBe(404);
    expect((await stranger.get("/api/plans/documents/manual/diff?from=1&to=2")).statusCode).toBe(404);
    const fn = (await admin.get("/api/plans/business-functions")).json().items[0];
    expect(
      (await stranger.put(`/api/plans/business-functions/${fn.id}`, { ...fn, rtoHours: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await stranger.request({ method: "DELETE", url: `/api/plans/business-functions/${fn.id}` }))
        .statusCode,
    ).toBe(404);
  });

  it("deletes a business function (audited)", async () => {
    const created = (
      await admin.post("/api/plans/business-functions", { name: "廃止予定", priority: 9, rtoHours: 720 })
    ).json();
    expect(
      (await admin.request({ method: "DELETE", url: `/api/plans/business-functions/${created.id}` }))
        .statusCode,
    ).toBe(204);
    const names = (await admin.get("/api/plans/business-functions"))
      .json()
      .items.map((f: { name: string }) => f.name);
    expect(names).not.toContain("廃止予定");
    expect((await admin.get("/api/audit?type=plans.business_function_deleted")).json().entries).toHaveLength(
      1,
    );
  });

  it("documents every route in the OpenAPI description", async () => {
    const spec = (await admin.get("/api/openapi.json")).json();
    for (const route of [
      "/api/plans/business-functions",
      "/api/plans/documents",
      "/api/plans/documents/{kind}/{version}/download",
      "/api/plans/documents/{kind}/diff",
      "/api/drills",
      "/api/drills/{id}/decisions",
      "/api/drills/{id}/report.pdf",
    ])
      expect(spec.paths[route], route).toBeDefined();
  });
});
