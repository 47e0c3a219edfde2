import { solvePow, type THubCaseSummary, type THubMe } from "@sonae/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, submitReportToHub } from "../../org/hub-client/hub-client";
import { extractSquashedPdfText } from "../../org/plans/testing/pdf-tools";
import { TestClient } from "../../testing/test-app";
import { buildHubTestApp, injectFetch, samplePackage, setupHubStaff } from "../testing/hub-test-app";

/** Issue 16 §7: a case exports to PDF for the file — package layout, messages, actions, audit trail. */
let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let staff: Awaited<ReturnType<typeof setupHubStaff>>;
let reference: string;
let caseId: string;
const QUESTION = "最初に異常に気付いた時刻を教えてください。";

const squash = (text: string) => text.replace(/\s+/g, "");

beforeAll(async () => {
  t = await buildHubTestApp();
  staff = await setupHubStaff(t.app, [
    { key: "tokyoAdmin", unitId: 13, role: "unit_admin" },
    { key: "osakaOfficer", unitId: 27, role: "intake_officer" },
    { key: "kanagawaAdmin", unitId: 14, role: "unit_admin" },
  ]);
  const org = generateHubOrgKeyPair();
  ({ reference } = await submitReportToHub({
    hubUrl: "http://hub.test",
    payload: samplePackage({ title: "ファイルサーバ暗号化(出力試験)" }),
    privateKey: org.privateKeyPem,
    orgName: "株式会社テスト",
    prefectureCode: "13",
    fetchImpl: injectFetch(t.app),
  }));
  const admin = staff.clients.tokyoAdmin!;
  const rows = (await admin.get("/api/hub/cases?key=all")).json().items as THubCaseSummary[];
  caseId = rows.find((r) => r.reference === reference)!.id;
  const me = (await admin.get("/api/hub/me")).json() as THubMe;
  for (const body of [
    { action: "acknowledge" },
    { action: "assign", assigneeUserId: me.userId },
    { action: "share", unitId: 27 },
  ]) {
    const res = await admin.post(`/api/hub/cases/${caseId}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  const posted = await admin.post(`/api/hub/cases/${caseId}/messages`, { kind: "question", body: QUESTION });
  expect(posted.statusCode, posted.body).toBe(201);
}, 60_000);
afterAll(() => t.close());

const exportAs = (client: TestClient, query = "") =>
  client.get(`/api/hub/cases/${caseId}/export.pdf${query}`);

describe("case export to PDF", () => {
  it("lays out the package and adds the hub's messages, actions and audit trail, in Japanese", async () => {
    const res = await exportAs(staff.clients.tokyoAdmin!);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["cache-control"]).toBe("no-store");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = extractSquashedPdfText(pdf);
    expect(text).toContain(reference);
    // The report package's own layout (sections of the police report PDF) with the organisation's text.
    expect(text).toContain(squash("ファイルサーバのファイルが暗号化され、脅迫文が置かれていた。"));
    expect(text).toContain(squash("ハブの事案記録"));
    expect(text).toContain(squash(QUESTION));
    // Actions: acknowledged, assigned (named by e-mail), shared with Osaka.
    expect(text).toContain(squash("対応履歴"));
    expect(text).toContain("共有:大阪府");
    expect(text).toMatch(/担当者:—→tokyoadmin-[a-z0-9]+@police\.example\.jp/i);
    // Audit trail: the receipt, the reads, and this export itself.
    expect(text).toContain("report_received");
    expect(text).toContain("case_updated");
    expect(text).toContain("case_exported");
  });

  it("audits the export", async () => {
    const trail = (await staff.clients.tokyoAdmin!.get("/api/hub/audit?limit=200")).json() as {
      entries: { type: string; payload: { reportId?: string; format?: string } }[];
    };
    expect(trail.entries.some((e) => e.type === "hub.case_exported" && e.payload.reportId === caseId)).toBe(
      true,
    );
  });

  it("is there in English too", async () => {
    const text = extractSquashedPdfText((await exportAs(staff.clients.tokyoAdmin!, "?lang=en")).rawPayload);
    expect(text).toContain("Hubcaserecord");
    expect(text).toContain(squash(QUESTION));
  });

  it("follows the rights: a unit the case was shared with may export it; another unit gets 404", async () => {
    expect((await exportAs(staff.clients.osakaOfficer!)).statusCode).toBe(200);
    const refused = await exportAs(staff.clients.kanagawaAdmin!);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers["content-type"]).not.toBe("application/pdf");
    expect(refused.body).not.toContain(reference);
  });
});

describe("a public-form report exports too", () => {
  it("prints the form's fields as the reporter wrote them, then the hub record", async () => {
    const visitor = new TestClient(t.app);
    await visitor.refreshSession();
    const challenge = (await visitor.get("/api/hub/public/challenge")).json() as {
      challenge: string;
      bits: number;
    };
    const sent = await visitor.post("/api/hub/public/reports", {
      kind: "consultation",
      prefectureCode: "13",
      title: "不審なメール",
      description: "請求書を装ったメールが届き、添付ファイルを開いてしまった。",
      pow: { challenge: challenge.challenge, solution: await solvePow(challenge.challenge, challenge.bits) },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const ref = (sent.json() as { reference: string }).reference;
    const rows = (await staff.clients.tokyoAdmin!.get("/api/hub/cases?key=all")).json()
      .items as THubCaseSummary[];
    const id = rows.find((r) => r.reference === ref)!.id;
    const res = await staff.clients.tokyoAdmin!.get(`/api/hub/cases/${id}/export.pdf`);
    expect(res.statusCode).toBe(200);
    const text = extractSquashedPdfText(res.rawPayload);
    expect(text).toContain(squash("一般フォームからの通報"));
    expect(text).toContain(squash("請求書を装ったメールが届き、添付ファイルを開いてしまった。"));
    expect(text).toContain(ref);
    expect(text).toContain("report_received");
  });
});

describe("assign on the case page", () => {
  it("offers the owning unit's and the national unit's members to those who may triage", async () => {
    const res = await staff.clients.tokyoAdmin!.get(`/api/hub/cases/${caseId}/assignees`);
    expect(res.statusCode, res.body).toBe(200);
    const people = res.json() as { email: string; unitId: number }[];
    expect(people.some((p) => p.email.startsWith("tokyoadmin-") && p.unitId === 13)).toBe(true);
    expect(people.some((p) => p.unitId === 0)).toBe(true);
    expect(people.every((p) => p.unitId === 13 || p.unitId === 0)).toBe(true);
    // Shared with Osaka: read and message, not triage. Kanagawa does not see the case at all.
    expect((await staff.clients.osakaOfficer!.get(`/api/hub/cases/${caseId}/assignees`)).statusCode).toBe(
      403,
    );
    expect((await staff.clients.kanagawaAdmin!.get(`/api/hub/cases/${caseId}/assignees`)).statusCode).toBe(
      404,
    );
  });
});
