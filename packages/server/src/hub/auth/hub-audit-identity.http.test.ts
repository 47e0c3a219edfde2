import type { THubCaseDetail, THubCaseSummary } from "@sonae/core";
import { auditEvents } from "@sonae/db";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, submitReportToHub } from "../../org/hub-client/hub-client";
import type { TestClient } from "../../testing/test-app";
import { buildHubTestApp, injectFetch, samplePackage, setupHubStaff } from "../testing/hub-test-app";

let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let staff: Awaited<ReturnType<typeof setupHubStaff>>;

beforeAll(async () => {
  t = await buildHubTestApp();
  staff = await setupHubStaff(t.app, [
    { key: "tokyoAdmin", unitId: 13, role: "unit_admin" },
    { key: "tokyoAnalyst", unitId: 13, role: "analyst" },
    { key: "osakaOfficer", unitId: 27, role: "intake_officer" },
  ]);
}, 60_000);
afterAll(() => t.close());

const submit = (key: ReturnType<typeof generateHubOrgKeyPair>, orgName: string, packageOrgName = orgName) => {
  const pkg = samplePackage();
  pkg.organisation = { ...pkg.organisation, name: packageOrgName };
  return submitReportToHub({
    hubUrl: "http://hub.test",
    payload: pkg,
    privateKey: key.privateKeyPem,
    orgName,
    prefectureCode: "13",
    fetchImpl: injectFetch(t.app),
  });
};
// Both lanes (confirmed and unconfirmed keys), found by reference.
const queueRow = async (c: TestClient, reference: string) =>
  ((await c.get(`/api/hub/cases?key=all&q=${reference}`)).json().items as THubCaseSummary[]).find(
    (r) => r.reference === reference,
  )!;
const lastEvent = async (type: string) => {
  const [row] = await t.db.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.type, type))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
};

describe("impostors visible (issue 16 §4)", () => {
  it("marks an unconfirmed key, a never-seen key using a known company's name, and a name mismatch", async () => {
    const genuine = generateHubOrgKeyPair();
    const impostor = generateHubOrgKeyPair();
    const first = await submit(genuine, "株式会社みなと物流");
    const admin = staff.clients.tokyoAdmin!;
    let row = await queueRow(admin, first.reference);
    expect(row.identity).toMatchObject({ keyStatus: "pending", warnings: ["unconfirmed_key"] });
    // The unit admin confirms the genuine key after comparing fingerprint and claimed details.
    const keys = (await admin.get("/api/hub/org-keys")).json() as { id: string; fingerprint: string }[];
    const genuineKey = keys.find((k) => k.fingerprint === row.identity.keyFingerprint)!;
    const view = (await admin.get(`/api/hub/org-keys/${genuineKey.id}`)).json();
    expect(view).toMatchObject({
      key: { fingerprint: row.identity.keyFingerprint, status: "pending" },
      claimed: {
        signedOrgName: "株式会社みなと物流",
        packageOrgName: "株式会社みなと物流",
        contactName: "情報 花子",
        contactPhone: "03-0000-0000",
        latestReference: first.reference,
        reportCount: 1,
      },
      sameNameKeys: [],
    });
    expect(
      (await admin.post(`/api/hub/org-keys/${genuineKey.id}/status`, { status: "active" })).statusCode,
    ).toBe(200);
    row = await queueRow(admin, first.reference);
    expect(row.identity.warnings).toEqual([]);

    // A new key claims the same company (full-width spaces and case do not hide it).
    const fake = await submit(impostor, "株式会社　みなと物流");
    row = await queueRow(admin, fake.reference);
    expect(row.identity.warnings).toEqual(["unconfirmed_key", "name_claimed_by_other_key"]);
    const caseRes = await admin.get(`/api/hub/cases/${row.id}`);
    // Report data is never kept by a browser or proxy cache (issue 16 §5).
    expect(caseRes.headers["cache-control"]).toBe("no-store");
    const detail = caseRes.json() as THubCaseDetail;
    expect(detail.identity.warnings).toContain("name_claimed_by_other_key");
    const fakeKey = (
      (await admin.get("/api/hub/org-keys")).json() as { id: string; fingerprint: string }[]
    ).find((k) => k.fingerprint === row.identity.keyFingerprint)!;
    const fakeView = (await admin.get(`/api/hub/org-keys/${fakeKey.id}`)).json();
    expect(fakeView.key.nameClaimedEarlier).toBe(true);
    expect(fakeView.sameNameKeys).toEqual([expect.objectContaining({ status: "active" })]);

    // The confirmed key signs one name and puts another in the package.
    const mismatch = await submit(genuine, "株式会社みなと物流", "株式会社みなと物流ホールディングス");
    row = await queueRow(admin, mismatch.reference);
    expect(row.identity).toMatchObject({
      keyStatus: "active",
      signedOrgName: "株式会社みなと物流",
      packageOrgName: "株式会社みなと物流ホールディングス",
      warnings: ["name_mismatch"],
    });
  });
});

describe("audit complete (issue 16 §6)", () => {
  it("audits refused cross-unit reads, alerts, statistics and key-list views; queue views name the cases shown", async () => {
    const org = generateHubOrgKeyPair();
    const receipt = await submit(org, "株式会社監査テスト");
    const tokyoCase = await queueRow(staff.clients.tokyoAdmin!, receipt.reference);
    const queue = await lastEvent("hub.queue_viewed");
    expect(queue?.payload.reportIds).toContain(tokyoCase.id);

    const osaka = staff.clients.osakaOfficer!;
    expect((await osaka.get(`/api/hub/cases/${tokyoCase.id}`)).statusCode).toBe(404);
    const refused = await lastEvent("hub.access_refused");
    expect(refused?.payload).toMatchObject({
      reportId: tokyoCase.id,
      action: "case.read",
      relation: "none",
      unitId: 27,
    });
    expect(refused?.actorUserId).not.toBeNull();

    expect((await staff.clients.tokyoAnalyst!.get("/api/hub/alerts")).statusCode).toBe(200);
    expect(await lastEvent("hub.alerts_viewed")).toMatchObject({ payload: { unitId: 13 } });
    expect(
      (await staff.clients.tokyoAnalyst!.get("/api/hub/stats?from=2026-01-01&to=2026-12-31")).statusCode,
    ).toBe(200);
    expect(await lastEvent("hub.stats_viewed")).toMatchObject({ payload: { unitId: 13 } });
    expect((await staff.clients.tokyoAdmin!.get("/api/hub/org-keys")).statusCode).toBe(200);
    const keysViewed = await lastEvent("hub.org_keys_viewed");
    expect(keysViewed?.payload).toMatchObject({ unitId: 13 });
    expect((keysViewed?.payload.keyIds as string[] | undefined)?.length ?? 0).toBeGreaterThan(0);
  });

  it("a unit admin reads their unit's audit log, including others' refused attempts on its cases, and no other unit's", async () => {
    const admin = staff.clients.tokyoAdmin!;
    const res = await admin.get("/api/hub/audit?limit=200");
    expect(res.statusCode).toBe(200);
    const types = (res.json() as { entries: { type: string }[] }).entries.map((e) => e.type);
    expect(types).toContain("hub.access_refused");
    expect(types).toContain("hub.case_viewed");
    expect(types).toContain("hub.org_key_status_set");
    expect((await admin.get("/api/hub/audit?unitId=27")).statusCode).toBe(403);
    expect((await staff.clients.tokyoAnalyst!.get("/api/hub/audit")).statusCode).toBe(403);
    expect((await staff.admin.get("/api/hub/audit?unitId=13")).statusCode).toBe(200);
    expect(await lastEvent("hub.unit_audit_viewed")).toMatchObject({ payload: { unitId: 13 } });
  });
});
