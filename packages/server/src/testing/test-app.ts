import { randomUUID } from "node:crypto";
import type { TSetupRequest } from "@sonae/core";
import { createDb, type Db, type DbHandle, organisations, users } from "@sonae/db";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { hashPassword } from "../platform/auth/password";

/** An in-process app on a fresh in-memory PGlite, for HTTP tests with `inject`. */
export async function buildTestApp(
  handle?: DbHandle,
): Promise<{ app: FastifyInstance; db: DbHandle; close(): Promise<void> }> {
  const db = handle ?? (await createDb({ inMemory: true }));
  const config = { ...loadConfig({}), webDistDir: undefined };
  const app = await buildApp({ db: db.db, dbKind: db.kind, config });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      if (!handle) await db.close();
    },
  };
}

/** A browser-like client: keeps cookies, fetches and sends the CSRF token like the web app. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = "";

  constructor(
    private readonly app: FastifyInstance,
    private readonly lang: "ja" | "en" = "ja",
  ) {}

  async refreshSession() {
    const res = await this.request({ method: "GET", url: "/api/session" });
    this.csrfToken = res.json().csrfToken;
    return res.json() as { setupRequired: boolean; user: { role: string; email: string } | null };
  }

  async request(options: InjectOptions & { withoutCsrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      "accept-language": this.lang,
      ...(options.headers as Record<string, string>),
    };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (options.method && options.method !== "GET" && !options.withoutCsrf)
      headers["x-csrf-token"] = this.csrfToken;
    const res = await this.app.inject({ ...options, headers });
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get = (url: string) => this.request({ method: "GET", url });
  post = (url: string, payload?: unknown) =>
    this.request({ method: "POST", url, payload: payload as InjectOptions["payload"] });
  put = (url: string, payload?: unknown) =>
    this.request({ method: "PUT", url, payload: payload as InjectOptions["payload"] });
  patch = (url: string, payload?: unknown) =>
    this.request({ method: "PATCH", url, payload: payload as InjectOptions["payload"] });

  async login(email: string, password: string) {
    await this.refreshSession();
    const res = await this.post("/api/auth/login", { email, password });
    if (res.statusCode !== 204) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    await this.refreshSession();
  }
}

export const TEST_PASSWORD = "correct horse battery staple";

export function setupPayload(overrides: Partial<TSetupRequest["organisation"]> = {}): TSetupRequest {
  return {
    organisation: {
      name: "株式会社備え製作所",
      prefectureCode: "13",
      industryCode: "E",
      smeSubSector: null,
      capitalYen: 50_000_000,
      employees: 120,
      ...overrides,
    },
    admin: { displayName: "管理 太郎", email: `admin-${randomUUID()}@example.jp`, password: TEST_PASSWORD },
  };
}

/** Completes first-run setup and returns a signed-in admin client. */
export async function setupAndLogin(app: FastifyInstance) {
  const client = new TestClient(app);
  await client.refreshSession();
  const payload = setupPayload();
  const res = await client.post("/api/setup", payload);
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  await client.login(payload.admin.email, payload.admin.password);
  return { client, admin: payload.admin, organisation: res.json() as { id: string } };
}

/** A signed-in client for a new user of `role` in `organisationId`, or in a brand-new organisation. */
export async function signInNewUser(
  app: FastifyInstance,
  db: Db,
  role: "admin" | "member" | "viewer",
  organisationId?: string,
) {
  let orgId = organisationId;
  if (!orgId) {
    const [org] = await db
      .insert(organisations)
      .values({ name: `別組織 ${randomUUID().slice(0, 6)}`, prefectureCode: "27", industryCode: "E" })
      .returning();
    orgId = org!.id;
  }
  const email = `${role}-${randomUUID()}@example.jp`;
  await db.insert(users).values({
    organisationId: orgId,
    email,
    displayName: `${role} user`,
    passwordHash: await hashPassword(TEST_PASSWORD),
    role,
  });
  const client = new TestClient(app);
  await client.login(email, TEST_PASSWORD);
  return { client, organisationId: orgId };
}
