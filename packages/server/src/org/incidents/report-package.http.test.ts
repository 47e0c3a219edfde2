import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { preserveEvidence } from "@sonae/evidence";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfPages, squash } from "../../../../documents/test/pdf-tools";
import { setupAndLogin, type TestClient } from "../../testing/test-app";
import { buildEvidenceTestApp, uploadBundle } from "../evidence/testing/evidence-fixtures";
import { readCubaNote, SHARED_DATA, seedReadiness } from "./testing/incident-fixture";
import { validateStixBundle } from "./testing/stix-validate";

/** Security 1102 among 110 x 4663 (EVTX-ATTACK-SAMPLES, GPL-3.0, read in place, not copied). */
const SECURITY_CLEARED = path.join(
  SHARED_DATA,
  "evtx/EVTX-ATTACK-SAMPLES/Defense Evasion/DE_1102_security_log_cleared.evtx",
);

let dir: string;
let t: Awaited<ReturnType<typeof buildEvidenceTestApp>>;
let admin: TestClient;
let incidentId: string;
let bundleSha: string;

async function file(url: string) {
  const res = await admin.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
}

async function sheetFields(body: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  const map = new Map<string, string>();
  ws?.eachRow((row) => map.set(String(row.getCell(2).value), String(row.getCell(3).value ?? "")));
  return { wb, ws, map };
}

/** The full ransomware incident: terminals, devices, diagram, demand, evidence with a finished triage. */
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-report-http-"));
  t = await buildEvidenceTestApp(path.join(dir, "data"));
  const s = await setupAndLogin(t.app);
  admin = s.client;
  await seedReadiness(t.db.db, s.organisation.id);
  incidentId = (await admin.post("/api/incidents", { symptoms: ["files_encrypted", "ransom_note"] })).json()
    .id;
  const patch = await admin.patch(`/api/incidents/${incidentId}`, {
    title: "ファイルサーバ暗号化",
    status: "open",
    discoveredAt: "2026-11-20T00:30:00+09:00",
    discoveredHow: "共有フォルダが開けない",
    summary: "ファイルサーバ fs01.corp.local（10.1.2.3）が暗号化された",
    intrusionMethod: "vpn-vulnerability",
    request: "damage-report",
    ncoConsent: "yes",
    criticalInfrastructure: "not-operator",
    terminals: [
      {
        host: "FS01",
        role: "file-server",
        encrypted: "yes",
        symptoms: "拡張子 .cuba",
        isolatedAt: "2026-11-20T01:10:00+09:00",
        powerState: "on",
      },
      { host: "PC-12", userName: "tanaka", role: "pc", encrypted: "unknown" },
    ],
  });
  expect(patch.statusCode, patch.body).toBe(200);
  const demand = {
    noteText: readCubaNote(),
    noteFileName: "!! READ ME !!.txt",
    encryptedExtension: ".cuba",
    contactChannels: [],
    amount: 2.5,
    currency: "BTC",
    walletAddresses: [],
    deadline: "2026-11-23T00:00:00+09:00",
    leakSiteClaim: "yes",
    paid: "no",
  };
  expect((await admin.put(`/api/incidents/${incidentId}/demand`, demand)).statusCode).toBe(204);
  const out = path.join(dir, "bundle.zip");
  await preserveEvidence({
    paths: [SECURITY_CLEARED],
    caseId: "CASE-REPORT",
    examiner: "鑑識 花子",
    outPath: out,
    keyDir: path.join(dir, "keys"),
    ntpServer: null,
  });
  const up = await uploadBundle(admin, incidentId, await readFile(out));
  expect(up.statusCode, up.body).toBe(201);
  bundleSha = up.json().sha256;
  expect((await admin.post(`/api/incidents/${incidentId}/evidence/${bundleSha}/triage`)).statusCode).toBe(
    202,
  );
  for (let i = 0; i < 480; i++) {
    const runs = (await admin.get(`/api/incidents/${incidentId}/triage/runs`)).json();
    if (runs[0]?.status === "done") return;
    if (runs[0]?.status === "failed") throw new Error(runs[0].error);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("triage did not finish");
}, 180_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the police package of a full ransomware incident", () => {
  it("JSON: valid against the published schema, with evidence, detections, diagram and the first form send", async () => {
    const schema = (await admin.get("/api/schemas/report-package.json")).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const pkg = (await file(`/api/incidents/${incidentId}/export/json`)).json();
    expect(ajv.validate(schema, pkg), JSON.stringify(ajv.errors)).toBe(true);
    const bundle = pkg.evidenceBundles[0];
    expect(bundle).toMatchObject({
      sha256: bundleSha,
      fileCount: 1,
      examiner: "鑑識 花子",
      verification: { ok: true },
    });
    expect(bundle.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    // Signed by a key of its own (not this installation's, no kit, not added): valid, signer unknown.
    expect(bundle.signerKnown).toBe(false);
    expect(bundle.custody.valid).toBe(true);
    expect(bundle.custody.entries).toBeGreaterThanOrEqual(3);
    const cleared = pkg.detections.find((d: { rule: { id: string } }) => d.rule.id === "log-cleared");
    expect(cleared.hosts.length).toBeGreaterThan(0);
    // Every Sigma hit names its rule's author (DRL 1.1); the PDF rendering of one is tested in documents.
    for (const d of pkg.detections.filter((x: { origin: string }) => x.origin === "sigma"))
      expect(d.rule.author).toBeTruthy();
    expect(pkg.networkDiagram.attachments[0].mediaType).toBe("image/svg+xml");
    expect(pkg.affectedTerminals[1]).toMatchObject({ name: "PC-12", account: "tanaka" });
    expect(pkg.commonForm).toMatchObject({
      kind: "first",
      version: 1,
      ncoConsent: "yes",
      criticalInfrastructure: "not-operator",
    });
  });

  it("PDF: every section numbered in order, the bundle hash and the Sigma author in Japanese text only", async () => {
    const pages = extractPdfPages((await file(`/api/incidents/${incidentId}/export/pdf`)).rawPayload);
    const text = pages.join("\n");
    const numbers = [...text.matchAll(/^\s*(\d{1,2})\.\s+\S/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(squash(text)).toContain(bundleSha);
    expect(squash(text)).toContain(squash("証拠保全（バンドル）"));
    expect(squash(text)).toContain(squash("ログ分析の検知結果"));
    expect(text).not.toMatch(/not recorded|Incident record opened|file-server/);
  });

  it("STIX validates against the OASIS schemas; HTML embeds the diagram as an image", async () => {
    expect(validateStixBundle((await file(`/api/incidents/${incidentId}/export/stix`)).json())).toEqual([]);
    const html = (await file(`/api/incidents/${incidentId}/export/html`)).body;
    expect(html).toContain('<img src="data:image/svg+xml;base64,');
    expect(html).not.toMatch(/<script|href=/i);
  });

  it("common form: filled, then a recorded send makes the next export a follow-up showing what changed", async () => {
    const first = await sheetFields(
      (await file(`/api/incidents/${incidentId}/export/xlsx`)).rawPayload,
      "ランサムウェア事案共通様式",
    );
    expect(first.map.get("第1報・続報・最終報")).toBe("第1報（第1版）");
    expect(first.map.get("要求額")).toBe("2.5 BTC");
    expect(first.map.get("国家サイバー統括室（NCO）への共有の同意")).toBe("あり");
    expect(first.map.get("被害端末")).toContain("計 2台");
    const sent = await admin.post(`/api/incidents/${incidentId}/form-sends`, {
      form: "ransomware",
      kind: "first",
      recipient: "警視庁",
      reportNumber: "R8-0001",
      sentAt: "2026-11-20T03:00:00+09:00",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ version: 1, kind: "first", changes: [] });
    expect(
      (await admin.patch(`/api/incidents/${incidentId}`, { businessImpact: "出荷停止 3日" })).statusCode,
    ).toBe(200);
    const pending = (await admin.get(`/api/incidents/${incidentId}/form-sends`)).json().pending[0];
    expect(pending).toMatchObject({ form: "ransomware", nextVersion: 2 });
    expect(pending.changes).toEqual([
      { item: "概要／影響（顧客・業務・取引先）", before: "", after: "出荷停止 3日" },
    ]);
    const next = await sheetFields(
      (await file(`/api/incidents/${incidentId}/export/xlsx`)).rawPayload,
      "ランサムウェア事案共通様式",
    );
    expect(next.map.get("第1報・続報・最終報")).toBe("続報（第2版）");
    expect(next.wb.getWorksheet("前回報告からの変更点")?.getRow(2).getCell(3).value).toBe("出荷停止 3日");
  });

  it("sharing copy: the preview lists what goes, the PDF and STIX no longer carry it", async () => {
    const { removed } = (await file(`/api/incidents/${incidentId}/share-preview`)).json();
    const values = removed.map((r: { value: string }) => r.value);
    expect(values).toEqual(
      expect.arrayContaining(["10.1.2.3", "fs01.corp.local", "FS01", "tanaka", "連絡 花子"]),
    );
    const pdf = squash(
      extractPdfPages((await file(`/api/incidents/${incidentId}/export/share-pdf`)).rawPayload).join(""),
    );
    const stix = (await file(`/api/incidents/${incidentId}/export/share-stix`)).body;
    expect(validateStixBundle(JSON.parse(stix))).toEqual([]);
    for (const v of ["10.1.2.3", "fs01.corp.local", "tanaka", "連絡花子", "liaison@example.jp", "鑑識花子"]) {
      expect(pdf, v).not.toContain(v);
      expect(squash(stix), v).not.toContain(v);
    }
    expect(stix).toContain("cuba4ikm4jakjgmkezytyawtdgr2xymvy6nvzgw5cglswg3si76icnqd.onion");
    expect(pdf).toContain(bundleSha);
  });

  it("a DDoS incident exports the DDoS form", async () => {
    const id = (await admin.post("/api/incidents", { symptoms: ["service_down"] })).json().id;
    const res = await admin.patch(`/api/incidents/${id}`, {
      title: "通販サイトへのDDoS",
      ddos: {
        attackType: "network-flood",
        peakGbps: 8,
        peakPps: 1_500_000,
        durationMinutes: 95,
        mitigation: "上流ISPでフィルタ",
        impact: "受注停止",
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const form = await sheetFields(
      (await file(`/api/incidents/${id}/export/xlsx`)).rawPayload,
      "DDoS攻撃事案共通様式",
    );
    expect(form.wb.getWorksheet("ランサムウェア事案共通様式")).toBeUndefined();
    expect(form.map.get("攻撃の種類（MITRE ATT&CK T1498/T1499）")).toContain("T1498.001");
    expect(form.map.get("最大通信量（Gbps）")).toBe("8");
    expect(form.map.get("継続時間（分）")).toBe("95");
    expect(form.map.get("影響")).toBe("受注停止");
  });
});
