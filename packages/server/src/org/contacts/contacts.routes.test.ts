import { todayInJapan } from "@sonae/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAndLogin, type TestClient } from "../../testing/test-app";
import { buildReadinessTestApp, signInNewOrganisationUser } from "../devices/devices-test-support";

let t: Awaited<ReturnType<typeof buildReadinessTestApp>>;
let admin: TestClient;
beforeAll(async () => {
  t = await buildReadinessTestApp();
  admin = (await setupAndLogin(t.app)).client;
});
afterAll(() => t.close());

const yearsAgo = (n: number) => {
  const d = new Date(`${todayInJapan()}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - n);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe("contacts", () => {
  it("shows 110 and #9110 with their source, and no police desk number until the organisation records one", async () => {
    const res = await admin.get("/api/readiness/contacts");
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.policeDesk).toBeNull();
    expect(o.builtIn.emergency.number).toBe("110");
    expect(o.builtIn.consultation.number).toBe("#9110");
    expect(o.builtIn.consultation.source.url).toMatch(/^https:\/\//);
    expect(o.npaDeskListUrl).toBe("https://www.npa.go.jp/bureau/cyber/soudan.html");
    expect(o.prefectureCode).toBe("13");
    // No phone number in the payload that the organisation did not record itself.
    expect(JSON.stringify(o)).not.toMatch(/0\d{1,4}-\d{1,4}-\d{3,4}/);
  });

  it("records the police desk with its verified date, once", async () => {
    const desk = {
      category: "police_desk",
      role: "prefectural_desk",
      name: "警視庁 サイバー犯罪対策課 相談窓口",
      phone: "03-0000-0000",
      url: "https://example.jp/desk",
      verifiedAt: todayInJapan(),
    };
    const res = await admin.post("/api/readiness/contacts", desk);
    expect(res.statusCode).toBe(201);
    expect(res.json().verification).toBe("current");
    expect((await admin.get("/api/readiness/contacts")).json().policeDesk.name).toBe(desk.name);
    expect((await admin.post("/api/readiness/contacts", desk)).statusCode).toBe(409);
    expect((await admin.post("/api/readiness/contacts", { ...desk, category: "team" })).statusCode).toBe(400);
    expect(
      (await admin.post("/api/readiness/contacts", { ...desk, url: "javascript:alert(1)" })).statusCode,
    ).toBe(400);
  });

  it("flags contacts verified more than 12 months ago and never-verified ones", async () => {
    const old = await admin.post("/api/readiness/contacts", {
      category: "external",
      role: "insurer",
      name: "サイバー保険 事故受付",
      policyNumber: "CY-123",
      hotline: "0120-000-000",
      verifiedAt: yearsAgo(1),
    });
    expect(old.json().verification).toBe("stale");
    const never = await admin.post("/api/readiness/contacts", {
      category: "team",
      role: "it",
      name: "情報システム 佐藤",
    });
    expect(never.json().verification).toBe("unverified");
    const o = (await admin.get("/api/readiness/contacts")).json();
    expect(o.staleCount).toBe(2);

    const fixed = await admin.put(`/api/readiness/contacts/${old.json().id}`, {
      ...(old.json() as Record<string, unknown>),
      verifiedAt: todayInJapan(),
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().verification).toBe("current");
    const audit = (await admin.get("/api/audit?type=contact.updated")).json().entries[0];
    expect(audit.payload.changes.verifiedAt.to).toBe(todayInJapan());
    const summary = (await admin.get("/api/readiness/registers-summary")).json().contacts;
    expect(summary).toMatchObject({ stale: 0, unverified: 1, policeDeskRecorded: true });
  });

  it("lets viewers read but not change, and hides contacts from another organisation", async () => {
    const orgId = (await admin.get("/api/organisation")).json().id;
    const target = (await admin.get("/api/readiness/contacts")).json().contacts[0];
    const { client: viewer } = await signInNewOrganisationUser(t.app, t.db.db, "viewer", orgId);
    expect((await viewer.get("/api/readiness/contacts")).json().contacts.length).toBeGreaterThan(0);
    expect(
      (await viewer.post("/api/readiness/contacts", { category: "team", role: "pr", name: "x" })).statusCode,
    ).toBe(403);
    expect(
      (await viewer.request({ method: "DELETE", url: `/api/readiness/contacts/${target.id}` })).statusCode,
    ).toBe(403);

    const { client: other } = await signInNewOrganisationUser(t.app, t.db.db, "admin");
    const seen = (await other.get("/api/readiness/contacts")).json();
    expect(seen.contacts).toEqual([]);
    expect(seen.policeDesk).toBeNull();
    expect((await other.put(`/api/readiness/contacts/${target.id}`, { ...target })).statusCode).toBe(404);
    expect(
      (await other.request({ method: "DELETE", url: `/api/readiness/contacts/${target.id}` })).statusCode,
    ).toBe(404);

    expect(
      (await admin.request({ method: "DELETE", url: `/api/readiness/contacts/${target.id}` })).statusCode,
    ).toBe(204);
  });
});
