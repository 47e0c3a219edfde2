import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, setupAndLogin, type TestClient } from "../../testing/test-app";
import { ONLINE_NAS, signInUser, VPN_MEMORY_LOG } from "./readiness-test-support";

let t: Awaited<ReturnType<typeof buildTestApp>>;
let admin: TestClient;
let orgId: string;
beforeAll(async () => {
  t = await buildTestApp();
  const s = await setupAndLogin(t.app);
  admin = s.client;
  orgId = s.organisation.id;
});
afterAll(() => t.close());

const DIAGRAM = {
  version: 1,
  nodes: [
    { id: "inet", type: "internet", label: "", deviceId: null, position: { x: 0, y: 0 } },
    { id: "lan", type: "segment", label: "本社LAN", deviceId: null, position: { x: 0, y: 120 } },
  ],
  edges: [{ id: "e1", source: "inet", target: "lan", label: "" }],
};

describe("readiness registers over HTTP", () => {
  it("creates, lists with warnings and exports an Excel-safe CSV, auditing the export", async () => {
    const created = await admin.post("/api/readiness/backups", {
      ...ONLINE_NAS,
      name: '=HYPERLINK("http://x","y")',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().warnings.map((w: { code: string }) => w.code)).toContain("backup.online_only");
    expect((await admin.post("/api/readiness/logs", VPN_MEMORY_LOG)).statusCode).toBe(201);

    const logs = (await admin.get("/api/readiness/logs")).json();
    expect(logs.logSources[0].warnings[0].message.ja).toContain("電源");
    expect(logs.findings.map((f: { code: string }) => f.code)).toContain("logs.kept_on_device");

    const csv = await admin.get("/api/readiness/backups/export.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFF名称 / Name,")).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv.body.split("\r\n").length).toBeGreaterThanOrEqual(3);
    const logCsv = await admin.get("/api/readiness/logs/export.csv");
    expect(logCsv.body).toContain("SSL-VPN イベントログ,vpn,,7,device_memory,FALSE,TRUE");

    const audit = (await admin.get("/api/audit?type=backup_sets.exported")).json();
    expect(audit.entries[0].payload).toEqual({ format: "csv", count: 1 });
  });

  it("rejects bad input with the field named, and nothing is written", async () => {
    const bad = await admin.post("/api/readiness/backups", { ...ONLINE_NAS, connectivity: "sometimes" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("connectivity");
    const dangling = await admin.put("/api/readiness/network", {
      ...DIAGRAM,
      edges: [{ id: "e1", source: "inet", target: "nowhere", label: "" }],
    });
    expect(dangling.statusCode).toBe(400);
    expect((await admin.get("/api/readiness/network")).json().updatedAt).toBeNull();
  });

  it("saves the diagram and exports it as SVG", async () => {
    const saved = await admin.put("/api/readiness/network", DIAGRAM);
    expect(saved.statusCode).toBe(200);
    const svg = await admin.get("/api/readiness/network/diagram.svg");
    expect(svg.headers["content-type"]).toContain("image/svg+xml");
    expect(svg.body).toContain("本社LAN");
    expect(svg.body.startsWith("<svg")).toBe(true);
  });

  it("answers an item, scores, ranks gaps and records at most one snapshot a day", async () => {
    const res = await admin.put("/api/readiness/assessment/answers/credentials", {
      answer: "yes",
      note: null,
    });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.items.find((i: { id: string }) => i.id === "credentials")).toMatchObject({
      status: "met",
      basis: "manual",
    });
    expect(a.score).toBeGreaterThan(0);
    expect(a.gaps[0].rank).toBe(1);
    expect(a.sources.map((s: { id: string }) => s.id)).toContain("npa-annual-report-r7");
    expect((await admin.post("/api/readiness/assessment/snapshots")).json().history).toHaveLength(1);
    const dash = (await admin.get("/api/readiness/dashboard")).json();
    expect(dash.score).toBe(a.score);
    expect(dash.backups.count).toBe(1);
    expect(dash.logs.findings.length).toBeGreaterThan(0);
    expect(dash.kev.catalog.dateReleased).toMatch(/^\d{4}-/);
    expect(dash.kev).toMatchObject({ checkedDevices: 0, devices: [] });
    expect(dash.contactCount).toBe(0);
  });

  it("lets viewers read and export but not change anything", async () => {
    const { client: viewer } = await signInUser(t.app, t.db.db, "viewer", orgId);
    const id = (await viewer.get("/api/readiness/backups")).json().backupSets[0].id;
    expect((await viewer.get("/api/readiness/backups/export.csv")).statusCode).toBe(200);
    expect((await viewer.get("/api/readiness/assessment")).statusCode).toBe(200);
    expect((await viewer.post("/api/readiness/backups", ONLINE_NAS)).statusCode).toBe(403);
    expect((await viewer.put(`/api/readiness/backups/${id}`, ONLINE_NAS)).statusCode).toBe(403);
    expect((await viewer.request({ method: "DELETE", url: `/api/readiness/backups/${id}` })).statusCode).toBe(
      403,
    );
    expect((await viewer.post("/api/readiness/logs", VPN_MEMORY_LOG)).statusCode).toBe(403);
    expect((await viewer.put("/api/readiness/network", DIAGRAM)).statusCode).toBe(403);
    expect(
      (await viewer.put("/api/readiness/assessment/answers/drills", { answer: "yes", note: null }))
        .statusCode,
    ).toBe(403);
    expect((await viewer.post("/api/readiness/assessment/snapshots")).statusCode).toBe(403);
  });

  it("shows another organisation nothing and answers 404 for its ids", async () => {
    const backupId = (await admin.get("/api/readiness/backups")).json().backupSets[0].id;
    const logId = (await admin.get("/api/readiness/logs")).json().logSources[0].id;
    const { client: other } = await signInUser(t.app, t.db.db, "admin");
    expect((await other.get("/api/readiness/backups")).json().backupSets).toEqual([]);
    expect((await other.get("/api/readiness/logs")).json().logSources).toEqual([]);
    expect((await other.get("/api/readiness/network")).json().document.nodes).toEqual([]);
    expect((await other.get("/api/readiness/network/diagram.svg")).body).not.toContain("本社LAN");
    expect((await other.get("/api/readiness/backups/export.csv")).body).not.toContain("HYPERLINK");
    expect((await other.get("/api/readiness/assessment")).json().history).toEqual([]);
    expect((await other.get("/api/readiness/dashboard")).json().score).toBeNull();
    expect((await other.put(`/api/readiness/backups/${backupId}`, ONLINE_NAS)).statusCode).toBe(404);
    expect(
      (await other.request({ method: "DELETE", url: `/api/readiness/backups/${backupId}` })).statusCode,
    ).toBe(404);
    expect((await other.put(`/api/readiness/logs/${logId}`, VPN_MEMORY_LOG)).statusCode).toBe(404);
    expect((await other.request({ method: "DELETE", url: `/api/readiness/logs/${logId}` })).statusCode).toBe(
      404,
    );
  });

  it("documents every route in the OpenAPI document", async () => {
    const paths = Object.keys((await admin.get("/api/openapi.json")).json().paths);
    for (const p of [
      "/api/readiness/backups",
      "/api/readiness/backups/export.csv",
      "/api/readiness/logs/{id}",
      "/api/readiness/network/diagram.svg",
      "/api/readiness/assessment/answers/{itemId}",
      "/api/readiness/dashboard",
    ]) {
      expect(paths).toContain(p);
    }
  });
});
