import { organisations, users } from "@sonae/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../platform/auth/password";
import { buildTestApp, setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";
import { extractSquashedPdfText } from "../plans/testing/pdf-tools";

let t: Awaited<ReturnType<typeof buildTestApp>>;
let admin: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  admin = (await setupAndLogin(t.app)).client;
});
afterAll(() => t.close());

describe("drills over HTTP", () => {
  it("runs the ransomware drill to the end and downloads the after-action report", async () => {
    const scenarios = (await admin.get("/api/drills/scenarios")).json().items;
    expect(scenarios.map((s: { id: string }) => s.id)).toEqual(["ddos-public-site", "ransomware-vpn"]);

    const started = await admin.post("/api/drills", {
      scenarioId: "ransomware-vpn",
      mode: "facilitated",
      participants: [{ name: "山田 太郎", role: "対応責任者" }, { name: "鈴木 一郎" }],
    });
    expect(started.statusCode, started.body).toBe(201);
    let drill = started.json();
    expect(drill.dueInjects).toHaveLength(1);
    // Injects not yet revealed are not sent to the browser.
    expect(started.body).not.toContain("ランサムノート");

    const decide = (injectId: string, text: string) =>
      admin.post(`/api/drills/${drill.id}/decisions`, { injectId, participant: "山田 太郎", text });
    expect((await decide("vpn-advisory", "VPN装置の更新まで外部公開を停止する")).statusCode).toBe(200);
    while (drill.hasMoreInjects) drill = (await admin.post(`/api/drills/${drill.id}/next-inject`)).json();
    expect((await decide("encryption", "都道府県警察へ通報しBCPを発動")).statusCode).toBe(200);

    const finished = await admin.post(`/api/drills/${drill.id}/finish`, {
      summary: "警察への通報は早かったが、ログ保全の判断が遅れた",
      findings: [{ severity: "high", title: "VPN装置のログがメモリにしかない", fix: "ログを外部へ転送する" }],
    });
    expect(finished.statusCode).toBe(200);
    const report = finished.json();
    expect(report.finishedAt).not.toBeNull();
    expect(report.findings.length).toBeGreaterThan(1);

    const pdf = await admin.get(`/api/drills/${drill.id}/report.pdf?lang=ja`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = extractSquashedPdfText(pdf.rawPayload);
    expect(text).toContain("机上訓練事後報告書");
    expect(text).toContain("VPN装置の更新まで外部公開を停止する");
    expect(text).toContain("VPN装置のログがメモリにしかない");
    expect(text).toContain("判断の記録なし");
    expect(text).toContain("特集Ⅱ");

    const open = (await admin.get("/api/drills/findings")).json().items;
    expect(open).toHaveLength(report.findings.length);
    expect((await admin.post(`/api/drills/findings/${open[0].id}/close`)).statusCode).toBe(200);
    const history = (await admin.get("/api/drills")).json().items;
    expect(history[0]).toMatchObject({
      participants: ["山田 太郎", "鈴木 一郎"],
      openFindingCount: open.length - 1,
    });
    const audit = (await admin.get("/api/audit?type=plans.drill_report_downloaded")).json();
    expect(audit.entries).toHaveLength(1);

    // Another organisation sees nothing of it.
    const [org] = await t.db.db
      .insert(organisations)
      .values({ name: "他社", prefectureCode: "27", industryCode: "G" })
      .returning();
    const email = `other-${Date.now()}@example.jp`;
    await t.db.db.insert(users).values({
      organisationId: org!.id,
      email,
      displayName: "他社",
      role: "admin",
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    const stranger = new TestClient(t.app);
    await stranger.login(email, TEST_PASSWORD);
    expect((await stranger.get(`/api/drills/${drill.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/drills/${drill.id}/report.pdf`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/drills/findings/${open[1].id}/close`)).statusCode).toBe(404);
    expect((await stranger.get("/api/drills")).json().items).toEqual([]);
    expect((await stranger.get("/api/drills/findings")).json().items).toEqual([]);
  });
});
