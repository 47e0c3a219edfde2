import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, TestClient } from "../../testing/test-app";
import { buildHubTestApp, setupHubStaff } from "../testing/hub-test-app";

type Memberships = {
  members: { userId: string; email: string; unitId: number; role: string }[];
  unassigned: { userId: string; email: string }[];
  manageableUnitIds: number[] | null;
};

let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let staff: Awaited<ReturnType<typeof setupHubStaff>>;

beforeAll(async () => {
  t = await buildHubTestApp();
  staff = await setupHubStaff(t.app, [
    { key: "nationalAnalyst", unitId: 0, role: "analyst" },
    { key: "secondHubAdmin", unitId: 0, role: "unit_admin" },
    { key: "osakaAdmin", unitId: 27, role: "unit_admin" },
    { key: "osakaOfficer", unitId: 27, role: "intake_officer" },
    { key: "tokyoOfficer", unitId: 13, role: "intake_officer" },
  ]);
}, 60_000);
afterAll(() => t.close());

const del = (c: TestClient, url: string) => c.request({ method: "DELETE", url });
const membershipsOf = async (c: TestClient) => (await c.get("/api/hub/memberships")).json() as Memberships;
const memberOf = async (key: string) => {
  const all = await membershipsOf(staff.admin);
  return all.members.find((m) => m.email.startsWith(`${key.toLowerCase()}-`))!;
};

describe("memberships (issue 16 §2: a unit admin cannot take over hub users)", () => {
  it("an Osaka unit admin cannot move the national analyst, a second hub admin or a Tokyo officer into Osaka", async () => {
    const osaka = staff.clients.osakaAdmin!;
    for (const key of ["nationalAnalyst", "secondHubAdmin", "tokyoOfficer"]) {
      const before = await memberOf(key);
      const res = await osaka.put("/api/hub/memberships", {
        email: before.email,
        unitId: 27,
        role: "intake_officer",
      });
      expect(res.statusCode, key).toBe(403);
      expect(await memberOf(key)).toEqual(before);
      expect((await del(osaka, `/api/hub/memberships/${before.userId}`)).statusCode, key).toBe(403);
    }
  });

  it("a unit admin manages their own unit's people and sees only them; only national admins move people across units", async () => {
    const osaka = staff.clients.osakaAdmin!;
    const officer = await memberOf("osakaOfficer");
    const promoted = await osaka.put("/api/hub/memberships", {
      email: officer.email,
      unitId: 27,
      role: "analyst",
    });
    expect(promoted.statusCode).toBe(200);
    // Moving their own officer out of Osaka is a cross-unit move: refused.
    expect(
      (await osaka.put("/api/hub/memberships", { email: officer.email, unitId: 13, role: "analyst" }))
        .statusCode,
    ).toBe(403);
    const list = await membershipsOf(osaka);
    expect(new Set(list.members.map((m) => m.unitId))).toEqual(new Set([27]));
    expect(list.manageableUnitIds).toEqual([27]);
    // An officer is not a unit admin: no list, no changes.
    expect((await staff.clients.tokyoOfficer!.get("/api/hub/memberships")).statusCode).toBe(403);
    // The national admin moves them across.
    const moved = await staff.admin.put("/api/hub/memberships", {
      email: officer.email,
      unitId: 13,
      role: "analyst",
    });
    expect(moved.statusCode).toBe(200);
    expect((await memberOf("osakaOfficer")).unitId).toBe(13);
  });

  it("the last national unit admin cannot be demoted, moved or removed", async () => {
    const second = await memberOf("secondHubAdmin");
    // Two national admins: one of them may step down.
    expect(
      (await staff.admin.put("/api/hub/memberships", { email: second.email, unitId: 0, role: "analyst" }))
        .statusCode,
    ).toBe(200);
    const first = (await membershipsOf(staff.admin)).members.find(
      (m) => m.unitId === 0 && m.role === "unit_admin",
    )!;
    const demote = await staff.admin.put("/api/hub/memberships", {
      email: first.email,
      unitId: 0,
      role: "analyst",
    });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().error.message).toContain("最後の全国ユニット管理者");
    const move = await staff.admin.put("/api/hub/memberships", {
      email: first.email,
      unitId: 13,
      role: "unit_admin",
    });
    expect(move.statusCode).toBe(400);
    expect((await del(staff.admin, `/api/hub/memberships/${first.userId}`)).statusCode).toBe(400);
    // Still the national admin.
    expect((await staff.admin.get("/api/hub/me")).json()).toMatchObject({
      unit: { id: 0 },
      role: "unit_admin",
    });
  });

  it("national access only through an explicit membership: an organisation admin without one gets nothing", async () => {
    const email = `org-admin-${Math.random().toString(36).slice(2)}@police.example.jp`;
    const created = await staff.admin.post("/api/users", {
      displayName: "組織管理者",
      email,
      password: TEST_PASSWORD,
      role: "admin",
    });
    expect(created.statusCode).toBe(201);
    const orgAdmin = new TestClient(t.app);
    await orgAdmin.login(email, TEST_PASSWORD);
    expect((await orgAdmin.get("/api/hub/me")).statusCode).toBe(403);
    expect((await orgAdmin.get("/api/hub/cases")).statusCode).toBe(403);
    expect((await orgAdmin.get("/api/hub/org-keys")).statusCode).toBe(403);
    expect(
      (await orgAdmin.put("/api/hub/memberships", { email, unitId: 0, role: "unit_admin" })).statusCode,
    ).toBe(403);
    // The setup administrator's national access is a membership row, visible like any other.
    const list = await membershipsOf(staff.admin);
    expect(list.unassigned.map((u) => u.email)).toContain(email);
    expect(list.members.filter((m) => m.unitId === 0 && m.role === "unit_admin").length).toBeGreaterThan(0);
  });
});

describe("the /users page cannot take away the last national unit admin either", () => {
  it("refuses to deactivate the only active national unit admin (409, ja/en), allows it while another remains", async () => {
    const officer = await memberOf("tokyoOfficer");
    const second = await memberOf("secondHubAdmin");
    // The Tokyo officer becomes national unit admin; every other national unit admin (the setup
    // administrator among them) steps down to analyst, so the officer is the last one.
    const made = await staff.admin.put("/api/hub/memberships", {
      email: officer.email,
      unitId: 0,
      role: "unit_admin",
    });
    expect(made.statusCode, made.body).toBe(200);
    const others = (await membershipsOf(staff.admin)).members.filter(
      (m) => m.unitId === 0 && m.role === "unit_admin" && m.userId !== officer.userId,
    );
    expect(others.length).toBeGreaterThan(0);
    for (const m of others) {
      const res = await staff.admin.put("/api/hub/memberships", {
        email: m.email,
        unitId: 0,
        role: "analyst",
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // The setup administrator is still the organisation's admin and runs the /users page.
    const refused = await staff.admin.post(`/api/users/${officer.userId}/disable`, {});
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.message).toContain("最後の全国ユニット管理者");
    const refusedEn = await staff.admin.request({
      method: "POST",
      url: `/api/users/${officer.userId}/disable`,
      payload: {},
      headers: { "accept-language": "en" },
    });
    expect(refusedEn.statusCode).toBe(409);
    expect(refusedEn.json().error.message).toContain("last active national unit admin");
    // Not disabled: the officer still signs in as the national unit admin.
    const again = new TestClient(t.app);
    await again.login(officer.email, TEST_PASSWORD);
    expect((await again.get("/api/hub/me")).json()).toMatchObject({ unit: { id: 0 }, role: "unit_admin" });

    // With a second national unit admin, the first may be deactivated.
    expect(
      (await again.put("/api/hub/memberships", { email: second.email, unitId: 0, role: "unit_admin" }))
        .statusCode,
    ).toBe(200);
    const allowed = await staff.admin.post(`/api/users/${officer.userId}/disable`, {});
    expect(allowed.statusCode, allowed.body).toBe(200);
    // And now the second one is the last: refused in turn.
    expect((await staff.admin.post(`/api/users/${second.userId}/disable`, {})).statusCode).toBe(409);
  });
});
