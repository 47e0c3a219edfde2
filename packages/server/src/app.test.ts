import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, setupAndLogin, setupPayload, TEST_PASSWORD, TestClient } from "./testing/test-app";

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe("first-run setup, sessions and CSRF", () => {
  it("requires setup, refuses a second setup, and never exposes the password hash", async () => {
    const anon = new TestClient(t.app);
    expect((await anon.refreshSession()).setupRequired).toBe(true);

    const { client, admin } = await setupAndLogin(t.app);
    cachedAdmin = { client, email: admin.email };
    const again = await anon.post("/api/setup", setupPayload());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("SETUP_DONE");

    const me = await client.refreshSession();
    expect(me.user?.email).toBe(admin.email);
    expect(me.user?.role).toBe("admin");
    const users = await client.get("/api/users");
    expect(users.body).not.toContain("argon2");
    expect(users.body).not.toContain("passwordHash");
  });

  it("sets an httpOnly, SameSite=Strict session cookie", async () => {
    const client = new TestClient(t.app);
    await client.refreshSession();
    const payload = setupPayload();
    // Setup already done in this app: create a user through the admin instead.
    const { client: admin } = await adminClient();
    await admin.post("/api/users", {
      displayName: "閲覧 花子",
      email: payload.admin.email,
      password: TEST_PASSWORD,
      role: "viewer",
    });
    const res = await client.post("/api/auth/login", { email: payload.admin.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(204);
    const cookie = res.cookies.find((c) => c.name === "sonae_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
  });

  it("rejects a state-changing request without the CSRF token", async () => {
    const { client } = await adminClient();
    const res = await client.request({
      method: "PUT",
      url: "/api/organisation",
      payload: setupPayload().organisation,
      withoutCsrf: true,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("CSRF");
  });

  it("rejects a wrong password with a localised message and audits it", async () => {
    const { client: admin, email } = await adminClient();
    const client = new TestClient(t.app, "en");
    await client.refreshSession();
    // The same answer for an unknown address and a wrong password: nothing tells which accounts exist.
    for (const attempt of [{ email: "nobody@example.jp" }, { email }]) {
      const res = await client.post("/api/auth/login", { ...attempt, password: "wrong password!!" });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe("The e-mail address or password is incorrect.");
    }
    // The failure on a known account lands in its organisation's trail; unknown addresses belong to none.
    const failures = (await admin.get("/api/audit?type=auth.login_failed")).json().entries as {
      payload: { email: string; reason: string };
    }[];
    expect(failures.filter((f) => f.payload.email === email)).toEqual([
      expect.objectContaining({ payload: { email, reason: "wrong_password" } }),
    ]);
    expect(failures.some((f) => f.payload.email === "nobody@example.jp")).toBe(false);
  });

  it("logs out and ends the session", async () => {
    const { client } = await adminClient();
    expect((await client.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await client.get("/api/organisation")).statusCode).toBe(401);
  });

  it("changes the password, ends other sessions, and accepts the new password only", async () => {
    const { client: admin } = await adminClient();
    const email = `member-${Date.now()}@example.jp`;
    await admin.post("/api/users", {
      displayName: "メンバー",
      email,
      password: TEST_PASSWORD,
      role: "member",
    });
    const client = new TestClient(t.app);
    await client.login(email, TEST_PASSWORD);
    const other = new TestClient(t.app);
    await other.login(email, TEST_PASSWORD);
    const res = await client.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a new long passphrase 2026",
    });
    expect(res.statusCode).toBe(204);
    expect((await other.get("/api/organisation")).statusCode).toBe(401);
    expect((await client.get("/api/organisation")).statusCode).toBe(200);
    const fresh = new TestClient(t.app);
    await fresh.refreshSession();
    expect((await fresh.post("/api/auth/login", { email, password: TEST_PASSWORD })).statusCode).toBe(401);
    await fresh.login(email, "a new long passphrase 2026");
  });
});

describe("roles, validation and errors", () => {
  it("lets viewers read but not change, and audits every change", async () => {
    const { client: admin } = await adminClient();
    const email = `viewer-${Date.now()}@example.jp`;
    const created = await admin.post("/api/users", {
      displayName: "閲覧者",
      email,
      password: TEST_PASSWORD,
      role: "viewer",
    });
    expect(created.statusCode).toBe(201);
    const viewer = new TestClient(t.app);
    await viewer.login(email, TEST_PASSWORD);
    expect((await viewer.get("/api/organisation")).statusCode).toBe(200);
    const denied = await viewer.put("/api/organisation", setupPayload().organisation);
    expect(denied.statusCode).toBe(403);
    expect((await viewer.get("/api/audit")).statusCode).toBe(403);

    const updated = await admin.put(
      "/api/organisation",
      setupPayload({ name: "株式会社備え工業", employees: 301, capitalYen: 400_000_000 }).organisation,
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json().sme).toMatchObject({ isSme: false, sector: "manufacturing_other" });
    const audit = (await admin.get("/api/audit")).json();
    const types = audit.entries.map((e: { type: string }) => e.type);
    expect(types).toContain("organisation.updated");
    expect(types).toContain("user.created");
    const change = audit.entries.find((e: { type: string }) => e.type === "organisation.updated");
    expect(change.payload.changes.name.to).toBe("株式会社備え工業");
    expect(change.ip).toBeTruthy();
  });

  it("names the invalid field in a 400", async () => {
    const { client } = await adminClient();
    const res = await client.put("/api/organisation", {
      ...setupPayload().organisation,
      prefectureCode: "99",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION", field: "prefectureCode" });
    // The Japanese message explains the problem in Japanese, not with the validator's English text.
    const message: string = res.json().error.message;
    expect(message).toContain("prefectureCode");
    expect(message).not.toMatch(/Invalid|expected|Too (small|big)/);
    expect(message).toMatch(/必要があります|無効/);
  });

  it("returns 409 for a duplicate e-mail and leaves nothing half-written", async () => {
    const { client, email } = await adminClient();
    const before = (await client.get("/api/users")).json().users.length;
    const res = await client.post("/api/users", {
      displayName: "重複",
      email,
      password: TEST_PASSWORD,
      role: "member",
    });
    expect(res.statusCode).toBe(409);
    expect((await client.get("/api/users")).json().users.length).toBe(before);
  });

  it("answers 404 in the one error shape for unknown API routes", async () => {
    const res = await new TestClient(t.app).get("/api/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "NOT_FOUND", message: "見つかりません。" } });
  });

  it("rate-limits login attempts", async () => {
    const client = new TestClient(t.app);
    await client.refreshSession();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await client.post("/api/auth/login", { email: "brute@example.jp", password: "guess-guess-guess" }))
          .statusCode,
      );
    }
    expect(codes).toContain(429);
  });

  it("publishes an OpenAPI 3.1 document generated from the contracts", async () => {
    const doc = (await new TestClient(t.app).get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/setup"].post.requestBody).toBeDefined();
    expect(JSON.stringify(doc.paths["/api/organisation"].put)).toContain("prefectureCode");
  });
});

let cachedAdmin: { client: TestClient; email: string } | undefined;
/** The admin of the app's one organisation (set up on first use). */
async function adminClient(): Promise<{ client: TestClient; email: string }> {
  if (!cachedAdmin) {
    const anon = new TestClient(t.app);
    if ((await anon.refreshSession()).setupRequired) {
      const { client, admin } = await setupAndLogin(t.app);
      cachedAdmin = { client, email: admin.email };
    }
  }
  if (!cachedAdmin) throw new Error("setup was done elsewhere without caching the admin");
  const client = new TestClient(t.app);
  await client.login(cachedAdmin.email, TEST_PASSWORD);
  return { client, email: cachedAdmin.email };
}
