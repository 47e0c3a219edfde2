import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { THubCaseDetail, THubCaseSummary, THubReporterView } from "@sonae/core";
import { createDb } from "@sonae/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { buildHubTestApp, samplePackage, setupHubStaff } from "../../hub/testing/hub-test-app";
import { setupAndLogin } from "../../testing/test-app";

let hub: Awaited<ReturnType<typeof buildHubTestApp>>;
let hubUrl: string;
let org: Awaited<ReturnType<typeof buildApp>>;
let orgDb: Awaited<ReturnType<typeof createDb>>;
const orgDataDir = mkdtempSync(join(tmpdir(), "sonae-org-"));

beforeAll(async () => {
  hub = await buildHubTestApp();
  hubUrl = await hub.app.listen({ host: "127.0.0.1", port: 0 });
  orgDb = await createDb({ inMemory: true });
  org = await buildApp({
    db: orgDb.db,
    dbKind: orgDb.kind,
    config: { ...loadConfig({}), dataDir: orgDataDir, webDistDir: undefined },
  });
}, 60_000);
afterAll(async () => {
  await org.close();
  await orgDb.close();
  await hub.close();
});

it("an organisation instance reports to the hub, sees the acknowledgement and messages, and replies", async () => {
  const { clients } = await setupHubStaff(hub.app, [{ key: "officer", unitId: 13, role: "intake_officer" }]);
  const officer = clients.officer!;
  const { client: orgAdmin } = await setupAndLogin(org);

  const link = (await orgAdmin.get("/api/hub-link")).json() as { fingerprint: string; sent: unknown[] };
  expect(link.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  expect(statSync(join(orgDataDir, "keys", "hub-org-ed25519.pem")).mode & 0o777).toBe(0o600);

  expect(
    (
      await orgAdmin.post("/api/hub-link/submissions", {
        hubUrl: "http://example.com",
        prefectureCode: "13",
        payload: samplePackage(),
      })
    ).statusCode,
  ).toBe(400);
  const sent = await orgAdmin.post("/api/hub-link/submissions", {
    hubUrl,
    prefectureCode: "13",
    payload: samplePackage({ title: "基幹サーバ暗号化" }),
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const { reference } = sent.json() as { reference: string };

  const queue = (await officer.get("/api/hub/cases")).json() as THubCaseSummary[];
  const c = queue.find((x) => x.reference === reference)!;
  expect(c.title).toBe("基幹サーバ暗号化");
  await officer.post(`/api/hub/cases/${c.id}/actions`, { action: "acknowledge" });
  await officer.post(`/api/hub/cases/${c.id}/messages`, {
    kind: "question",
    body: "最初に異常に気付いた時刻は?",
  });

  const status = (await orgAdmin.get(`/api/hub-link/submissions/${reference}`)).json() as THubReporterView;
  expect(status.status).toBe("acknowledged");
  expect(status.messages.map((m) => m.body)).toEqual(["最初に異常に気付いた時刻は?"]);
  const replied = await orgAdmin.post(`/api/hub-link/submissions/${reference}/replies`, {
    message: "午前9時頃です",
  });
  expect(replied.statusCode).toBe(200);
  const detail = (await officer.get(`/api/hub/cases/${c.id}`)).json() as THubCaseDetail;
  expect(detail.messages.at(-1)).toMatchObject({ direction: "reporter", body: "午前9時頃です" });

  // A reference this organisation did not send is not proxied to the hub.
  expect((await orgAdmin.get("/api/hub-link/submissions/HUB-20260101-0000000000")).statusCode).toBe(404);
}, 60_000);
