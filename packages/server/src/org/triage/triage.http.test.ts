import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { auditEvents, evidenceCustody } from "@sonae/db";
import { preserveEvidence } from "@sonae/evidence";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";
import { buildEvidenceTestApp, uploadBundle } from "../evidence/testing/evidence-fixtures";

const EVTX = path.resolve(import.meta.dirname, "../../../../../../shared/data/evtx");
/** From curated-subset.csv, scenario log-clearing: 90 x System 104 + 1 x Security 1102 (CC0). */
const MASS_CLEAR = path.join(
  EVTX,
  "EVTX-to-MITRE-Attack/TA0005-Defense Evasion/T1070.001-Clear Windows event logs/ID104-1102-Event log cleared.evtx",
);
/** Also log-clearing: Security 1102 among 110 x 4663 (GPL-3.0, read in place, not copied). */
const SECURITY_CLEARED = path.join(
  EVTX,
  "EVTX-ATTACK-SAMPLES/Defense Evasion/DE_1102_security_log_cleared.evtx",
);

let dir: string;
let t: Awaited<ReturnType<typeof buildEvidenceTestApp>>;
let admin: TestClient;
let incidentId: string;
let sha256: string;

type Detection = {
  id: string;
  ruleId: string;
  severity: string;
  eventIds: string[];
  explanation: { ja: string };
  sigma?: { author: string; path: string; link: string };
  sources?: Array<{ ruleId: string; sigma?: { author: string; path: string; link: string } }>;
};
type Page = {
  total: number;
  events: Array<{ id: string; eventId: number | null; time: string; host: string }>;
};

async function waitForRun() {
  for (let i = 0; i < 240; i++) {
    const runs = (await admin.get(`/api/incidents/${incidentId}/triage/runs`)).json();
    if (runs[0]?.status !== "running") return runs[0];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("triage did not finish");
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-triage-http-"));
  t = await buildEvidenceTestApp(path.join(dir, "data"));
  admin = (await setupAndLogin(t.app)).client;
  incidentId = (await admin.post("/api/incidents", { symptoms: ["files_encrypted"] })).json().id;
  const out = path.join(dir, "bundle.zip");
  await preserveEvidence({
    paths: [MASS_CLEAR, SECURITY_CLEARED],
    caseId: "CASE-TRIAGE",
    examiner: "佐藤",
    outPath: out,
    keyDir: path.join(dir, "keys"),
    ntpServer: null,
  });
  const res = await uploadBundle(admin, incidentId, await readFile(out));
  expect(res.statusCode, res.body).toBe(201);
  sha256 = res.json().sha256;
}, 60_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe("triage of an uploaded bundle", () => {
  it("runs in the background, records progress and finds the 1102/104 log clearing", async () => {
    const started = await admin.post(`/api/incidents/${incidentId}/evidence/${sha256}/triage`);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().status).toBe("running");
    const run = await waitForRun();
    expect(run).toMatchObject({ status: "done", bundleSha256: sha256, error: null });
    // 91 + 112 records per curated-subset.csv.
    expect(run.eventCount).toBe(203);
    const detections: Detection[] = (
      await admin.get(`/api/incidents/${incidentId}/triage/detections`)
    ).json();
    const cleared = detections.filter((d) => d.ruleId === "log-cleared");
    expect(cleared.length).toBeGreaterThanOrEqual(2);
    expect(cleared.every((d) => d.severity === "high" && d.explanation.ja.includes("消去"))).toBe(true);
    // The shipped SigmaHQ rules ran (rule set and date on the run) and the API keeps each hit's
    // author and rule link (Detection Rule License 1.1).
    expect(run.sigma).toMatchObject({ ruleSet: { date: "2026-08-05", isShipped: true }, rulesRun: 1385 });
    // Sigma hits on the events a built-in finding shows are folded into it as further sources.
    const sigmaHits = detections
      .flatMap((d) => d.sources ?? [d])
      .filter((d) => d.ruleId.startsWith("sigma:"));
    expect(sigmaHits.map((d) => d.sigma?.path)).toEqual(
      expect.arrayContaining([
        "rules/windows/builtin/security/win_security_audit_log_cleared.yml",
        "rules/windows/builtin/system/microsoft_windows_eventlog/win_system_susp_eventlog_cleared.yml",
      ]),
    );
    expect(
      sigmaHits.every(
        (d) => d.sigma?.author && d.sigma.link.startsWith("https://github.com/SigmaHQ/sigma/blob/"),
      ),
    ).toBe(true);
    const custody = await t.db.db
      .select()
      .from(evidenceCustody)
      .where(eq(evidenceCustody.action, "triage.started"));
    expect(custody).toHaveLength(1);
  }, 90_000);

  it("filters, sorts and pages the timeline, and jumps to a detection's evidence", async () => {
    const tl = (q: string): Promise<Page> =>
      admin.get(`/api/incidents/${incidentId}/triage/timeline?${q}`).then((r) => r.json());
    const all = await tl("limit=5000");
    expect(all.total).toBe(203);
    const times = all.events.map((e) => e.time);
    expect(times).toEqual([...times].sort());
    const newest = await tl("sort=-time&limit=5");
    expect(newest.events[0]?.time).toBe(times.at(-1));
    const second = await tl("limit=5&offset=5");
    expect(second.events.map((e) => e.id)).toEqual(all.events.slice(5, 10).map((e) => e.id));
    const security = await tl("eventId=1102");
    expect(security.total).toBe(2);
    const system = await tl("eventId=104");
    expect(system.total).toBe(90);
    const detections: Detection[] = (
      await admin.get(`/api/incidents/${incidentId}/triage/detections`)
    ).json();
    const first = detections.find((d) => d.ruleId === "log-cleared")!;
    const evidence = await tl(`detectionId=${encodeURIComponent(first.id)}`);
    expect(evidence.events.map((e) => e.id)).toEqual(first.eventIds);
    const search = await tl(`q=${encodeURIComponent(all.events[0]!.host.toUpperCase())}&limit=1`);
    expect(search.total).toBeGreaterThan(0);
    expect((await tl("q=no-such-text-anywhere")).total).toBe(0);
  });

  it("exports Excel-safe CSV and JSONL, audited and in the custody chain", async () => {
    const csv = await admin.get(`/api/incidents/${incidentId}/triage/export/csv?eventId=104`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith("\uFEFFtime_utc,time_jst")).toBe(true);
    expect(csv.body.split("\r\n").filter(Boolean)).toHaveLength(91);
    const jsonl = await admin.get(`/api/incidents/${incidentId}/triage/export/jsonl`);
    const lines = jsonl.body.split("\n").filter(Boolean);
    expect(lines).toHaveLength(203);
    expect(JSON.parse(lines[0]!)).toHaveProperty("timeJst");
    const audit = await t.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, "evidence.timeline_exported"));
    expect(audit.map((a) => a.payload)).toEqual([
      expect.objectContaining({ format: "csv", events: 90 }),
      expect.objectContaining({ format: "jsonl", events: 203 }),
    ]);
    const exported = await t.db.db
      .select()
      .from(evidenceCustody)
      .where(eq(evidenceCustody.action, "triage.exported"));
    expect(exported).toHaveLength(2);
    const detail = (await admin.get(`/api/incidents/${incidentId}/evidence/${sha256}`)).json();
    expect(detail.custodyValid).toBe(true);
  });

  it("lets a viewer in the team read but not start triage; others get 404", async () => {
    const email = `viewer-${Date.now()}@example.jp`;
    const created = await admin.post("/api/users", {
      displayName: "閲覧 花子",
      email,
      password: TEST_PASSWORD,
      role: "viewer",
    });
    const viewer = new TestClient(t.app);
    await viewer.login(email, TEST_PASSWORD);
    expect((await viewer.get(`/api/incidents/${incidentId}/triage/timeline`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/incidents/${incidentId}/triage/detections`)).statusCode).toBe(404);
    await admin.put("/api/incidents/team", { userIds: [created.json().id] });
    expect((await viewer.get(`/api/incidents/${incidentId}/triage/timeline`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/incidents/${incidentId}/evidence/${sha256}/triage`)).statusCode).toBe(
      403,
    );
  });
});
