import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, setupAndLogin, TEST_PASSWORD, TestClient } from "../../testing/test-app";
import { readCubaNote, seedReadiness } from "./testing/incident-fixture";
import { validateStixBundle } from "./testing/stix-validate";

let t: Awaited<ReturnType<typeof buildTestApp>>;
let admin: TestClient;
let orgId: string;
let incidentId: string;
const tmp = mkdtempSync(path.join(tmpdir(), "sonae-incidents-"));

beforeAll(async () => {
  t = await buildTestApp();
  const s = await setupAndLogin(t.app);
  admin = s.client;
  orgId = s.organisation.id;
  await seedReadiness(t.db.db, orgId);
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

async function userClient(role: "member" | "viewer") {
  const email = `${role}-${Date.now()}-${Math.random()}@example.jp`;
  const res = await admin.post("/api/users", {
    displayName: `${role} 次郎`,
    email,
    password: TEST_PASSWORD,
    role,
  });
  expect(res.statusCode).toBe(201);
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  return { client, userId: res.json().id as string };
}

async function binary(url: string) {
  const res = await admin.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
}

describe("a ransomware incident from intake to the police package", () => {
  it("opens a draft, saves each wizard step and opens it", async () => {
    const created = await admin.post("/api/incidents", { symptoms: ["files_encrypted", "ransom_note"] });
    expect(created.statusCode).toBe(201);
    incidentId = created.json().id;
    expect(created.json().reference).toMatch(/^INC-\d{4}-0001$/);
    const steps = [
      {
        wizardStep: "when",
        title: "ファイルサーバ暗号化",
        discoveredAt: "2026-11-20T00:30:00+09:00",
        discoveredBy: "情報システム課 佐藤",
        discoveredHow: "朝の出社時に共有フォルダが開けない",
      },
      { wizardStep: "terminals", personalData: "yes", learnedAt: "2026-11-20T01:00:00+09:00" },
      {
        wizardStep: "review",
        terminals: [
          {
            host: "FS01",
            role: "file-server",
            os: "Windows Server 2019",
            encrypted: "yes",
            symptoms: "拡張子 .cuba",
            isolatedAt: "2026-11-20T01:10:00+09:00",
            powerState: "on",
          },
          { host: "PC-12", userName: "tanaka", encrypted: "unknown" },
        ],
      },
      { status: "open", intrusionMethod: "vpn-vulnerability", request: "damage-report" },
    ];
    for (const body of steps)
      expect((await admin.patch(`/api/incidents/${incidentId}`, body)).statusCode).toBe(200);
    const detail = (await admin.get(`/api/incidents/${incidentId}`)).json();
    expect(detail.status).toBe("open");
    expect(detail.terminals.map((x: { host: string }) => x.host)).toEqual(["FS01", "PC-12"]);
    expect(detail.terminals[1].powerState).toBe("unknown");
    // Back to draft is refused and changes nothing.
    expect((await admin.patch(`/api/incidents/${incidentId}`, { status: "draft" })).statusCode).toBe(400);
  });

  it("tailors the checklist to ransomware and the registers, and records who did each step", async () => {
    const detail = (await admin.get(`/api/incidents/${incidentId}`)).json();
    const ids = detail.checklist.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "isolate-network",
        "keep-powered",
        "keep-network-devices-powered",
        "ransom-note",
        "contact-police",
        "contact-insurer",
        "police-confidential",
      ]),
    );
    expect(ids).not.toContain("ddos-provider");
    const memory = detail.checklist.find((s: { id: string }) => s.id === "keep-network-devices-powered");
    expect(memory.facts[0].value).toContain("本社VPN");
    const police = detail.checklist.find((s: { id: string }) => s.id === "contact-police");
    expect(police.facts[0]).toMatchObject({ verifiedAt: "2026-10-01" });
    expect(police.facts[0].value).toContain("03-0000-0000");
    const logs = detail.checklist.find((s: { id: string }) => s.id === "preserve-logs");
    expect(logs.link).toMatchObject({ path: "/evidence", label: { ja: "証拠保全へ" } });

    const res = await admin.put(`/api/incidents/${incidentId}/checklist/isolate-network`, {
      done: true,
      at: "2026-11-20T01:10:00+09:00",
      note: "FS01 のLANケーブルを抜線",
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await admin.put(`/api/incidents/${incidentId}/checklist/no-such-step`, { done: true })).statusCode,
    ).toBe(404);
    await admin.post(`/api/incidents/${incidentId}/timeline`, {
      at: "2026-11-20T00:45:00+09:00",
      text: "社長へ第一報",
    });
    const after = (await admin.get(`/api/incidents/${incidentId}`)).json();
    const step = after.checklist.find((s: { id: string }) => s.id === "isolate-network");
    expect(step.done).toMatchObject({
      by: "管理 太郎",
      at: "2026-11-19T16:10:00.000Z",
      note: "FS01 のLANケーブルを抜線",
    });
    const texts = after.timeline.map((e: { text: string }) => e.text);
    expect(texts.some((x: string) => x.includes("感染端末をネットワークから切り離す"))).toBe(true);
    expect(texts).toContain("社長へ第一報");
  });

  it("records the demand, extracts indicators from the real note, de-duplicates and validates edits", async () => {
    const note = readCubaNote();
    const demand = {
      noteText: note,
      noteFileName: "!! READ ME !!.txt",
      encryptedExtension: ".cuba",
      contactChannels: ["roselondon@cock.li"],
      amount: 2.5,
      currency: "BTC",
      walletAddresses: [],
      deadline: "2026-11-23T00:00:00+09:00",
      leakSiteClaim: "yes",
      paid: "no",
    };
    expect((await admin.put(`/api/incidents/${incidentId}/demand`, demand)).statusCode).toBe(204);
    // Saving the demand extracted the note's indicators already; pasting the note again adds nothing.
    const auto = (await admin.get(`/api/incidents/${incidentId}`)).json().indicators.length;
    expect(auto).toBeGreaterThanOrEqual(4);
    const again = (
      await admin.post(`/api/incidents/${incidentId}/indicators/extract`, { text: note })
    ).json();
    expect(again).toEqual({ added: 0, duplicates: auto });
    const fresh = await admin.post(`/api/incidents/${incidentId}/indicators/extract`, {
      text: "C2 hxxp://cdn-update[.]top/gate.php から 198.51.100[.]77 へ通信",
    });
    expect(fresh.json()).toEqual({ added: 3, duplicates: 0 });
    expect(
      (
        await admin.post(`/api/incidents/${incidentId}/indicators`, {
          kind: "ipv4",
          value: "198.51.100[.]23",
        })
      ).statusCode,
    ).toBe(204);
    const bad = await admin.post(`/api/incidents/${incidentId}/indicators`, {
      kind: "ipv4",
      value: "999.1.1.1",
    });
    expect(bad.statusCode).toBe(400);
    const detail = (await admin.get(`/api/incidents/${incidentId}`)).json();
    const values = detail.indicators.map((i: { value: string }) => i.value);
    expect(values).toContain("roselondon@cock.li");
    expect(values).toContain("198.51.100.23");
    expect(
      values.some((v: string) =>
        v.includes("cuba4ikm4jakjgmkezytyawtdgr2xymvy6nvzgw5cglswg3si76icnqd.onion"),
      ),
    ).toBe(true);
    const ip = detail.indicators.find((i: { value: string }) => i.value === "198.51.100.23");
    expect(
      (
        await admin.put(`/api/incidents/${incidentId}/indicators/${ip.id}`, {
          kind: "ipv4",
          value: "203.0.113.9",
          note: "C2",
        })
      ).statusCode,
    ).toBe(204);
    expect(detail.demand.paid).toBe("no");
  });

  it("identifies the family from the recorded note", async () => {
    const res = await admin.post(`/api/incidents/${incidentId}/identify`);
    expect(res.statusCode).toBe(200);
    expect(res.json().familyName?.toLowerCase()).toContain("cuba");
  });

  it("computes the PPC deadlines from when the organisation learned of it (60 days for ransomware)", async () => {
    // No PPC date before the four 規則7条 questions are answered; ransomware suggests 3号.
    const before = (await admin.get(`/api/incidents/${incidentId}`)).json();
    expect(before.ppc).toMatchObject({ status: "unanswered", suggestedUnauthorisedPurpose: true });
    const waiting = before.deadlines.find((d: { obligationId: string }) => d.obligationId === "ppc-final");
    expect(waiting).toMatchObject({ awaitingPpcAssessment: true, dueAt: null });
    const answers = {
      sensitiveData: "no",
      financialHarm: "no",
      unauthorisedPurpose: "yes",
      over1000: "unknown",
    };
    expect((await admin.put(`/api/incidents/${incidentId}/ppc-assessment`, answers)).statusCode).toBe(204);
    const detail = (await admin.get(`/api/incidents/${incidentId}`)).json();
    expect(detail.ppc).toMatchObject({ status: "reportable", finalReportDays: 60 });
    const byId = Object.fromEntries(
      detail.deadlines.map((d: { obligationId: string }) => [d.obligationId, d]),
    );
    expect(byId["ppc-final"].dueAt).toBe("2027-01-18T16:00:00.000Z");
    expect(byId["ppc-prompt"].dueFrom).toBe("2026-11-22T16:00:00.000Z");
    expect(byId["ppc-prompt"].rule.ja).toContain("第26条");
    const report = {
      status: "done",
      doneAt: "2026-11-20T09:00:00+09:00",
      recipient: "警視庁 サイバー犯罪対策課",
      officer: "警部補 山本",
      referenceNumber: "R8-1234",
    };
    expect((await admin.put(`/api/incidents/${incidentId}/reports/police`, report)).statusCode).toBe(204);
    expect(
      (await admin.put(`/api/incidents/${incidentId}/reports/police`, { status: "done" })).statusCode,
    ).toBe(400);
    const upcoming = (await admin.get("/api/incidents/deadlines/upcoming")).json().deadlines;
    expect(upcoming.map((d: { obligationId: string }) => d.obligationId)).toEqual([
      "ppc-prompt",
      "ppc-final",
    ]);
  });

  it("exports JSON that validates against the served schema", async () => {
    const schema = (await admin.get("/api/schemas/report-package.json")).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const res = await binary(`/api/incidents/${incidentId}/export/json`);
    const pkg = res.json();
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.confidentiality).toBe("取扱注意／CONFIDENTIAL");
    expect(pkg.organisation.name).toBe("株式会社備え製作所");
    expect(pkg.contactPerson).toMatchObject({ name: "連絡 花子", reachable24h: true });
    expect(pkg.internetFacingDevices[0].patchState).toBe("outdated");
    expect(pkg.internetFacingDevices[0].kevMatches.length).toBeGreaterThan(0);
    expect(pkg.ransom).toMatchObject({
      encrypted: "yes",
      leakThreatened: "yes",
      paid: "no",
      amount: "2.5 BTC",
    });
    expect(pkg.actionsTaken.some((a: { action: string }) => a.action.includes("警視庁"))).toBe(true);
    // The diagram travels drawn (nodes and links) and as its SVG file with a matching hash.
    expect(pkg.networkDiagram.diagram.edges).toContainEqual(expect.objectContaining({ label: "社内LAN" }));
    const svg = pkg.networkDiagram.attachments[0];
    expect(svg).toMatchObject({ fileName: "network-diagram.svg", mediaType: "image/svg+xml" });
    expect(createHash("sha256").update(svg.content, "utf8").digest("hex")).toBe(svg.sha256);
    expect(svg.content).toContain("本社VPN");
    expect(res.headers["content-disposition"]).toContain("police-report.json");
  });

  it("exports a STIX 2.1 bundle that validates against the OASIS schemas", async () => {
    const bundle = (await binary(`/api/incidents/${incidentId}/export/stix`)).json();
    expect(validateStixBundle(bundle)).toEqual([]);
    const patterns = bundle.objects
      .filter((o: { type: string }) => o.type === "indicator")
      .map((o: { pattern: string }) => o.pattern);
    expect(patterns).toContain("[email-addr:value = 'roselondon@cock.li']");
  });

  it("exports a print-ready Japanese PDF with the confidentiality mark", async () => {
    const res = await binary(`/api/incidents/${incidentId}/export/pdf`);
    const file = path.join(tmp, "report.pdf");
    writeFileSync(file, res.rawPayload);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("取扱注意");
    expect(text).toContain("株式会社備え製作所");
    expect(text).toContain("FS01");
    expect(text).toContain("roselondon@cock.li");
  });

  it("exports the common ransomware form fields as XLSX", async () => {
    const res = await binary(`/api/incidents/${incidentId}/export/xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const fields = new Map<string, string>();
    wb.getWorksheet("ランサムウェア事案共通様式")!.eachRow((row) =>
      fields.set(String(row.getCell(2).value), String(row.getCell(3).value ?? "")),
    );
    expect(fields.get("ランサムノート")).toContain("All your files are encrypted");
    expect(fields.get("暗号化されたファイルの拡張子")).toBe(".cuba");
    expect(fields.get("侵入方法")).toContain("VPN");
    expect(fields.get("組織名")).toBe("株式会社備え製作所");
  });

  it("documents every incident route in the OpenAPI document", async () => {
    const paths = Object.keys((await admin.get("/api/openapi.json")).json().paths);
    for (const p of [
      "/api/incidents",
      "/api/incidents/{id}",
      "/api/incidents/{id}/checklist/{stepId}",
      "/api/incidents/{id}/demand",
      "/api/incidents/{id}/indicators/extract",
      "/api/incidents/{id}/reports/{obligationId}",
      "/api/incidents/{id}/export/{format}",
      "/api/incidents/deadlines/upcoming",
      "/api/schemas/report-package.json",
    ])
      expect(paths).toContain(p);
  });

  it("audits every view and every export with its format", async () => {
    const entries = (await admin.get("/api/audit?type=incident.exported")).json().entries;
    const formats = entries.map((e: { payload: { format: string } }) => e.payload.format).sort();
    expect(formats).toEqual(["json", "pdf", "stix", "xlsx"]);
    const views = (await admin.get("/api/audit?type=incident.viewed")).json().entries;
    expect(views.length).toBeGreaterThanOrEqual(5);
  });
});

describe("confidentiality", () => {
  it("hides incidents from members and viewers outside the team, and from other organisations", async () => {
    const member = await userClient("member");
    const viewer = await userClient("viewer");
    for (const c of [member.client, viewer.client]) {
      expect((await c.get(`/api/incidents/${incidentId}`)).statusCode).toBe(404);
      expect((await c.get(`/api/incidents/${incidentId}/export/json`)).statusCode).toBe(404);
      expect((await c.get("/api/incidents")).statusCode).toBe(404);
      expect((await c.get("/api/incidents/deadlines/upcoming")).json().deadlines).toEqual([]);
    }
    expect(
      (await admin.put("/api/incidents/team", { userIds: [member.userId, viewer.userId] })).statusCode,
    ).toBe(200);
    expect((await member.client.get(`/api/incidents/${incidentId}`)).statusCode).toBe(200);
    expect((await viewer.client.get(`/api/incidents/${incidentId}`)).statusCode).toBe(200);
    // A viewer in the team reads but does not write.
    expect(
      (
        await viewer.client.post(`/api/incidents/${incidentId}/timeline`, {
          at: "2026-11-20T00:00:00Z",
          text: "x",
        })
      ).statusCode,
    ).toBe(403);

    {
      const stranger = new TestClient(t.app);
      await stranger.refreshSession();
      const [{ organisations, users }, { hash }] = await Promise.all([
        import("@sonae/db"),
        import("@node-rs/argon2"),
      ]);
      const [org] = await t.db.db
        .insert(organisations)
        .values({ name: "他社", prefectureCode: "27", industryCode: "G" })
        .returning();
      const email = `other-${Date.now()}@example.jp`;
      await t.db.db.insert(users).values({
        organisationId: org!.id,
        email,
        displayName: "他社 管理者",
        role: "admin",
        passwordHash: await hash(TEST_PASSWORD),
      });
      await stranger.login(email, TEST_PASSWORD);
      expect((await stranger.get(`/api/incidents/${incidentId}`)).statusCode).toBe(404);
      expect((await stranger.get(`/api/incidents/${incidentId}/export/pdf`)).statusCode).toBe(404);
      expect((await stranger.get("/api/incidents")).json().incidents).toEqual([]);
      expect((await stranger.put(`/api/incidents/${incidentId}/demand`, {})).statusCode).toBe(404);
    }
  });
});
