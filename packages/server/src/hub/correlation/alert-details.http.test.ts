import type { THubAlert, THubCaseDetail, THubQueuePage } from "@sonae/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, submitReportToHub } from "../../org/hub-client/hub-client";
import type { TestClient } from "../../testing/test-app";
import {
  buildHubTestApp,
  injectFetch,
  readNote,
  samplePackage,
  setupHubStaff,
} from "../testing/hub-test-app";

/**
 * Issue 16 §7: an alert names the shared indicator and the other case — by its reference only when
 * the officer's unit may read it, otherwise as "a case in another unit" — and intake officers, who
 * may not open related cases, see that they exist.
 */
let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let staff: Awaited<ReturnType<typeof setupHubStaff>>;
const tokyoOrg = generateHubOrgKeyPair();
const osakaOrg = generateHubOrgKeyPair();
// A real Akira note plus values on the warning lists (public resolver, CDN): context, not indicators.
const note = `${readNote("akira", "akira_readme.txt")}\nBeacon to 8.8.8.8, CDN d111111abcdef8.cloudfront.net`;
let tokyoFirst: { reference: string };
let osakaCase: { reference: string };
let tokyoSecond: { reference: string };
let lonely: { reference: string };

const submit = (org: typeof tokyoOrg, prefectureCode: string, title: string, noteText?: string) =>
  submitReportToHub({
    hubUrl: "http://hub.test",
    payload: samplePackage({ title, noteText }),
    privateKey: org.privateKeyPem,
    orgName: "株式会社テスト",
    prefectureCode,
    fetchImpl: injectFetch(t.app),
  });

const queue = async (client: TestClient) => {
  const res = await client.get("/api/hub/cases?key=all&limit=200");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as THubQueuePage).items;
};
const alertsOf = async (client: TestClient, query = "") => {
  const res = await client.get(`/api/hub/alerts${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THubAlert[];
};

beforeAll(async () => {
  t = await buildHubTestApp();
  staff = await setupHubStaff(t.app, [
    { key: "tokyoAdmin", unitId: 13, role: "unit_admin" },
    { key: "tokyoOfficer", unitId: 13, role: "intake_officer" },
    { key: "national", unitId: 0, role: "analyst" },
  ]);
  tokyoFirst = await submit(tokyoOrg, "13", "Akira 東京 1", note);
  osakaCase = await submit(osakaOrg, "27", "Akira 大阪", note);
  tokyoSecond = await submit(tokyoOrg, "13", "Akira 東京 2", note);
  lonely = await submit(tokyoOrg, "13", "関連なし");
}, 60_000);
afterAll(() => t.close());

describe("alert details", () => {
  it("names a case the unit may read and the shared indicator; another unit's case stays anonymous", async () => {
    const alerts = await alertsOf(staff.clients.tokyoAdmin!);
    const alert = alerts.find((a) => a.reference === tokyoSecond.reference)!;
    expect(alert).toBeDefined();
    const named = alert.related.filter((r) => r.case !== null);
    const anonymous = alert.related.filter((r) => r.case === null);
    expect(named.map((r) => r.case?.reference)).toEqual([tokyoFirst.reference]);
    expect(anonymous).toHaveLength(1);
    for (const r of alert.related) {
      expect(r.shared.some((s) => s.kind === "onion" && s.value.startsWith("akiral2iz6a7qgd3"))).toBe(true);
      // Warning-listed values are context: never offered as the shared indicator.
      expect(r.shared.some((s) => s.value === "8.8.8.8" || s.value.includes("cloudfront.net"))).toBe(false);
    }
    // Nothing of Osaka's case leaks: neither its reference nor its id anywhere in the answer.
    const national = await queue(staff.clients.national!);
    const osakaId = national.find((c) => c.reference === osakaCase.reference)!.id;
    expect(JSON.stringify(alerts)).not.toContain(osakaCase.reference);
    expect(JSON.stringify(alerts)).not.toContain(osakaId);
  });

  it("the national unit may read every case, so its alert names both", async () => {
    const alert = (await alertsOf(staff.clients.national!)).find(
      (a) => a.reference === tokyoSecond.reference,
    )!;
    expect(alert.related.map((r) => r.case?.reference).sort()).toEqual(
      [tokyoFirst.reference, osakaCase.reference].sort(),
    );
  });

  it("filters by case for the case page, and is refused to intake officers", async () => {
    const rows = await queue(staff.clients.tokyoAdmin!);
    const second = rows.find((c) => c.reference === tokyoSecond.reference)!;
    const one = await alertsOf(staff.clients.tokyoAdmin!, `?reportId=${second.id}`);
    expect(one.map((a) => a.reference)).toEqual([tokyoSecond.reference]);
    const none = await alertsOf(
      staff.clients.tokyoAdmin!,
      `?reportId=${rows.find((c) => c.reference === lonely.reference)!.id}`,
    );
    expect(none).toEqual([]);
    expect((await staff.clients.tokyoOfficer!.get("/api/hub/alerts")).statusCode).toBe(403);
  });
});

describe("related cases exist, for intake officers", () => {
  it("shows a count on the queue row and the case, while the related list stays closed to them", async () => {
    const officer = staff.clients.tokyoOfficer!;
    const rows = await queue(officer);
    const second = rows.find((c) => c.reference === tokyoSecond.reference)!;
    // Tokyo's first case and Osaka's (invisible to Tokyo, but it exists: the officer is told to ask).
    expect(second.relatedCount).toBe(2);
    expect(rows.find((c) => c.reference === lonely.reference)!.relatedCount).toBe(0);
    const detail = (await officer.get(`/api/hub/cases/${second.id}`)).json() as THubCaseDetail;
    expect(detail.relatedCount).toBe(2);
    expect((await officer.get(`/api/hub/cases/${second.id}/related`)).statusCode).toBe(403);
  });
});
