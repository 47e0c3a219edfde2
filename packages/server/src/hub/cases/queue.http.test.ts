import type { THubQueuePage } from "@sonae/core";
import { hubOrgKeys } from "@sonae/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, submitReportToHub } from "../../org/hub-client/hub-client";
import type { TestClient } from "../../testing/test-app";
import { fingerprintOf } from "../intake/signature";
import { buildHubTestApp, injectFetch, samplePackage, setupHubStaff } from "../testing/hub-test-app";

/** Issue 16 §1: the queue pages, searches, filters, sorts, and marks cases transferred away. */
let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let officer: TestClient;
let national: TestClient;
const confirmedOrg = generateHubOrgKeyPair();
const newOrg = generateHubOrgKeyPair();
const refs: string[] = [];

const page = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/hub/cases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THubQueuePage;
};

beforeAll(async () => {
  t = await buildHubTestApp();
  const staff = await setupHubStaff(t.app, [
    { key: "officer", unitId: 13, role: "intake_officer" },
    { key: "national", unitId: 0, role: "analyst" },
  ]);
  officer = staff.clients.officer!;
  national = staff.clients.national!;
  await t.db.db.insert(hubOrgKeys).values({
    fingerprint: fingerprintOf(confirmedOrg.publicKey),
    publicKey: confirmedOrg.publicKey,
    orgName: "株式会社確認済み",
    prefectureUnitId: 13,
    status: "active",
  });
  for (let i = 0; i < 7; i++) {
    const receipt = await submitReportToHub({
      hubUrl: "http://hub.test",
      payload: samplePackage({
        title: `報告 ${i}`,
        noteText: i === 3 ? "Contact: http://queue-search-marker.top/pay" : undefined,
      }),
      orgName: "株式会社確認済み",
      prefectureCode: "13",
      privateKey: confirmedOrg.privateKeyPem,
      fetchImpl: injectFetch(t.app),
    });
    refs.push(receipt.reference);
  }
  await submitReportToHub({
    hubUrl: "http://hub.test",
    payload: samplePackage({ title: "未確認の鍵から" }),
    orgName: "株式会社確認済み",
    prefectureCode: "13",
    privateKey: newOrg.privateKeyPem,
    fetchImpl: injectFetch(t.app),
  });
});
afterAll(() => t.close());

describe("the queue", () => {
  it("pages by keyset through every case exactly once, in order", async () => {
    const seen: string[] = [];
    let cursor = "";
    for (let n = 0; n < 10; n++) {
      const p = await page(officer, `limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...p.items.map((c) => c.reference));
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    expect(seen).toEqual([...refs].reverse());
    const asc = await page(officer, "limit=50&sort=reference&dir=asc");
    expect(asc.items.map((c) => c.reference)).toEqual([...refs].sort());
    const bad = await officer.get(`/api/hub/cases?sort=reference&cursor=${cursor}`);
    expect(bad.statusCode).toBe(400);
  });

  it("keeps unconfirmed keys in their own lane, counted on the default page", async () => {
    const main = await page(officer, "");
    expect(main.items.every((c) => c.keyStatus === "active")).toBe(true);
    expect(main.unconfirmedOpen).toBe(1);
    const lane = await page(officer, "key=unconfirmed");
    expect(lane.items.map((c) => [c.title, c.keyStatus])).toEqual([["未確認の鍵から", "pending"]]);
  });

  it("searches by reference, organisation and indicator", async () => {
    expect((await page(officer, `q=${refs[5]}`)).items.map((c) => c.reference)).toEqual([refs[5]]);
    expect((await page(officer, `q=${encodeURIComponent("確認済み")}`)).items).toHaveLength(7);
    const byIndicator = await page(
      officer,
      `q=${encodeURIComponent("hxxp://queue-search-marker[.]top/pay")}`,
    );
    expect(byIndicator.items.map((c) => c.reference)).toEqual([refs[3]]);
    expect((await page(officer, "q=nothing-like-this")).items).toHaveLength(0);
  });

  it("filters by status, SLA state, kind and unit, and marks a case transferred away", async () => {
    const id = (await page(officer, `q=${refs[0]}`)).items[0]!.id;
    await officer.post(`/api/hub/cases/${id}/actions`, { action: "acknowledge" });
    expect((await page(officer, "status=acknowledged")).items.map((c) => c.reference)).toEqual([refs[0]]);
    expect((await page(officer, "sla=on_time")).items).toHaveLength(7);
    expect((await page(officer, "sla=breached")).items).toHaveLength(0);
    expect((await page(officer, "kind=consultation")).items).toHaveLength(0);
    await officer.post(`/api/hub/cases/${id}/actions`, { action: "transfer", unitId: 27 });
    const after = await page(officer, `q=${refs[0]}`);
    expect(after.items[0]).toMatchObject({ relation: "former_owner", unitId: 27 });
    expect((await page(officer, "unitId=27")).items.map((c) => c.reference)).toEqual([refs[0]]);
    expect((await page(national, `q=${refs[0]}`)).items[0]!.relation).toBe("national");
  });
});
