import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHubTestApp, setupHubStaff } from "../../hub/testing/hub-test-app";
import { buildTestApp, setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";

/** Issue 16 §5 on an organisation's instance: passwords, sign-in back-off, no-store. */
describe("accounts", () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    ({ client: admin } = await setupAndLogin(t.app));
  }, 120_000);
  afterAll(() => t.close());

  const newUser = (password: string, email = `u-${Math.random().toString(36).slice(2)}@example.jp`) =>
    admin.post("/api/users", { displayName: "佐藤 一郎", email, password, role: "member" });

  it("refuses password1234 with a clear message in Japanese and English", async () => {
    const res = await newUser("password1234");
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION", field: "password" });
    expect(res.json().error.message).toContain("漏えい");
    const en = await admin.request({
      method: "POST",
      url: "/api/users",
      headers: { "accept-language": "en" },
      payload: {
        displayName: "Ichiro",
        email: "ichiro@example.jp",
        password: "password1234",
        role: "member",
      },
    });
    expect(en.json().error.message).toContain("breached");
    expect((await newUser(TEST_PASSWORD)).statusCode).toBe(201);
  });

  it("refuses a new password built from the organisation name or the e-mail", async () => {
    const org = await admin.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "株式会社備え製作所2026!",
    });
    expect(org.statusCode).toBe(400);
    expect(org.json().error).toMatchObject({ field: "newPassword" });
    expect(org.json().error.message).toContain("組織名");
    const email = `kenji.tanabe-${Math.random().toString(36).slice(2, 6)}@example.jp`;
    const res = await newUser(`${email.split("@")[0]}-2026`, email);
    expect(res.statusCode).toBe(400);
  });

  const tryLogin = (ip: string, email: string, password = "not-the-password-at-all") =>
    loginFrom(ip, email, password);

  async function loginFrom(ip: string, email: string, password: string) {
    const c = new TestClient(t.app);
    await c.refreshSession();
    return c.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
      remoteAddress: ip,
    });
  }

  it("slows a password spray from one address across many accounts", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 30; i++)
      codes.push((await tryLogin("203.0.113.7", `spray-${i}@example.jp`)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(21)).toEqual(Array(9).fill(429));
    const blocked = await tryLogin("203.0.113.7", "another@example.jp");
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await tryLogin("203.0.113.8", "spray-1@example.jp")).statusCode).toBe(401);
  });

  it("slows guessing at one account from many addresses", async () => {
    const email = "target@example.jp";
    const codes: number[] = [];
    for (let i = 1; i <= 8; i++) codes.push((await tryLogin(`198.51.100.${i}`, email)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(6)).toEqual([429, 429]);
    expect(codes[5]).toBe(401);
  });

  it("marks every API answer no-store", async () => {
    for (const url of ["/api/session", "/api/incidents", "/api/organisation"]) {
      const res = await admin.get(url);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
  });
});

describe("police users see no organisation-side features (hub mode)", () => {
  let h: Awaited<ReturnType<typeof buildHubTestApp>>;
  let staff: Awaited<ReturnType<typeof setupHubStaff>>;
  beforeAll(async () => {
    h = await buildHubTestApp();
    staff = await setupHubStaff(h.app, [{ key: "officer", unitId: 13, role: "intake_officer" }]);
  }, 120_000);
  afterAll(() => h.close());

  it("refuses the organisation-side routes, reads and writes, to every hub user", async () => {
    for (const c of [staff.admin, staff.clients.officer!]) {
      expect((await c.get("/api/incidents")).statusCode).toBe(403);
      expect((await c.get("/api/readiness/contacts")).statusCode).toBe(403);
      const write = await c.post("/api/readiness/contacts", {
        category: "internal",
        role: "担当",
        name: "x",
      });
      expect(write.statusCode).toBe(403);
      expect(write.json().error.message).toContain("ハブでは組織側の機能");
      expect((await c.post("/api/plans/business-functions", { name: "x" })).statusCode).toBe(403);
    }
    // The hub's own pages still work.
    expect((await staff.clients.officer!.get("/api/hub/cases")).statusCode).toBe(200);
  });
});
