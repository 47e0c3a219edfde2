import { randomUUID } from "node:crypto";
import { sessions, users } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, setupPayload, signInNewUser, TEST_PASSWORD, TestClient } from "../../testing/test-app";

/**
 * Sessions are served from an in-process cache (session-cache.ts). Every change that ends or
 * alters a session must still take effect on the very next request. Each test first makes the
 * victim's session cached, then changes it, then replays the victim's cookie.
 */
describe.each(testBackends())("session cache invalidation on $name", (backend) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp(await backend.open());
    admin = (await signInNewUser(t.app, t.db.db, "admin")).client;
  });
  afterAll(async () => {
    await t.close();
    await t.db.close();
  });

  /** A user of the admin's organisation; returns their id. */
  async function addUser(role: "admin" | "member" | "viewer") {
    const res = await admin.post("/api/users", {
      displayName: `${role} ${randomUUID().slice(0, 4)}`,
      email: `${role}-${randomUUID()}@example.jp`,
      password: TEST_PASSWORD,
      role,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; email: string };
  }

  /** Signs in and returns the client and its raw session token, which stays replayable after logout. */
  async function signIn(email: string) {
    const client = new TestClient(t.app);
    await client.refreshSession();
    const res = await client.post("/api/auth/login", { email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(204);
    await client.refreshSession();
    const token = res.cookies.find((c) => c.name === "sonae_session")!.value;
    return { client, token };
  }

  const getWith = (token: string, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: `sonae_session=${token}` } });
  const roleOf = async (token: string) => (await getWith(token, "/api/session")).json().user?.role;

  it("serves a repeated request from the cache (so the tests below exercise it)", async () => {
    const user = await addUser("admin");
    const { token } = await signIn(user.email);
    expect((await getWith(token, "/api/users")).statusCode).toBe(200);
    // Changed behind the services' back, as another process would: this process does not see it
    // until the entry ages out (SESSION_CACHE_TTL_MS) or is refreshed.
    await t.db.db.update(users).set({ role: "viewer" }).where(eq(users.id, user.id));
    expect((await getWith(token, "/api/users")).statusCode).toBe(200);
    // GET /api/session always reads the database, and refreshes the entry on the way.
    expect(await roleOf(token)).toBe("viewer");
    expect((await getWith(token, "/api/users")).statusCode).toBe(403);
    // A session ended elsewhere is dropped by that same fresh read.
    await t.db.db.delete(sessions).where(eq(sessions.userId, user.id));
    expect((await getWith(token, "/api/users")).statusCode).toBe(403);
    expect(await roleOf(token)).toBeUndefined();
    expect((await getWith(token, "/api/users")).statusCode).toBe(401);
  });

  it("shows a renamed organisation in GET /api/session at once", async () => {
    expect((await admin.get("/api/users")).statusCode).toBe(200);
    const name = `改名株式会社 ${randomUUID().slice(0, 4)}`;
    expect((await admin.put("/api/organisation", setupPayload({ name }).organisation)).statusCode).toBe(200);
    expect((await admin.refreshSession()) as unknown).toMatchObject({ organisation: { name } });
  });

  it("ends the session on logout for the very next request", async () => {
    const user = await addUser("member");
    const { client, token } = await signIn(user.email);
    expect((await getWith(token, "/api/organisation")).statusCode).toBe(200);
    expect((await client.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await getWith(token, "/api/organisation")).statusCode).toBe(401);
  });

  it("ends the user's other sessions on password change, and keeps the current one", async () => {
    const user = await addUser("member");
    const current = await signIn(user.email);
    const other = await signIn(user.email);
    expect((await getWith(other.token, "/api/organisation")).statusCode).toBe(200);
    expect((await getWith(current.token, "/api/organisation")).statusCode).toBe(200);
    const res = await current.client.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "another long passphrase 2026",
    });
    expect(res.statusCode).toBe(204);
    expect((await getWith(other.token, "/api/organisation")).statusCode).toBe(401);
    expect((await getWith(current.token, "/api/organisation")).statusCode).toBe(200);
  });

  it("applies a role change to open sessions on their very next request", async () => {
    const user = await addUser("admin");
    const { client, token } = await signIn(user.email);
    expect((await getWith(token, "/api/users")).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${user.id}/role`, { role: "viewer" })).statusCode).toBe(200);
    // Checked through the cached path first: GET /api/session would refresh the entry itself.
    expect((await getWith(token, "/api/users")).statusCode).toBe(403);
    expect((await client.put("/api/organisation", setupPayload().organisation)).statusCode).toBe(403);
    expect(await roleOf(token)).toBe("viewer");
    expect((await admin.patch(`/api/users/${user.id}/role`, { role: "admin" })).statusCode).toBe(200);
    expect((await getWith(token, "/api/users")).statusCode).toBe(200);
  });

  it("deactivates a user: every open session ends at once and sign-in is refused", async () => {
    const user = await addUser("member");
    const first = await signIn(user.email);
    const second = await signIn(user.email);
    for (const s of [first, second])
      expect((await getWith(s.token, "/api/organisation")).statusCode).toBe(200);
    const res = await admin.post(`/api/users/${user.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, isDisabled: true });
    for (const s of [first, second])
      expect((await getWith(s.token, "/api/organisation")).statusCode).toBe(401);
    const again = new TestClient(t.app);
    await again.refreshSession();
    expect(
      (await again.post("/api/auth/login", { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    const audit = (await admin.get("/api/audit?type=user.disabled")).json().entries as {
      payload: { userId: string };
    }[];
    expect(audit.map((e) => e.payload.userId)).toContain(user.id);
  });

  it("refuses to deactivate the last active admin, and lets only admins deactivate", async () => {
    const { client: lone, organisationId } = await signInNewUser(t.app, t.db.db, "admin");
    const me = (await lone.get("/api/users")).json().users as { id: string }[];
    const res = await lone.post(`/api/users/${me[0]!.id}/disable`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("userId");
    expect((await lone.get("/api/organisation")).statusCode).toBe(200);

    const { client: member } = await signInNewUser(t.app, t.db.db, "member", organisationId);
    expect((await member.post(`/api/users/${me[0]!.id}/disable`)).statusCode).toBe(403);
    // Another organisation's user is not found, not disabled.
    const stranger = await addUser("viewer");
    expect((await lone.post(`/api/users/${stranger.id}/disable`)).statusCode).toBe(404);
  });
});
