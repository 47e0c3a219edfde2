import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, setupAndLogin, type TestClient } from "../../testing/test-app";
import { SHARED_DATA, seedReadiness } from "./testing/incident-fixture";

let t: Awaited<ReturnType<typeof buildTestApp>>;
let admin: TestClient;
let incidentId: string;
const tmp = mkdtempSync(path.join(tmpdir(), "sonae-context-"));
// A real LockBit note: it links Twitter and the Tor Project besides its own onion sites.
const NOTE = readFileSync(path.join(SHARED_DATA, "ransomware/notes/lockbit/[rand].README.txt"), "utf8");
const LISTED = ["twitter.com", "www.torproject.org"];

type Indicator = {
  id: string;
  kind: string;
  value: string;
  context: boolean;
  warningLists: { listId: string; name: { ja: string }; date: string }[];
  promotion: { reason: string; byName: string | null } | null;
};

beforeAll(async () => {
  t = await buildTestApp();
  const s = await setupAndLogin(t.app);
  admin = s.client;
  await seedReadiness(t.db.db, s.organisation.id);
  const created = await admin.post("/api/incidents", { symptoms: ["files_encrypted", "ransom_note"] });
  incidentId = created.json().id;
  await admin.patch(`/api/incidents/${incidentId}`, { title: "LockBit 暗号化", status: "open" });
  const demand = {
    noteText: NOTE,
    contactChannels: [],
    walletAddresses: [],
    leakSiteClaim: "yes",
    paid: "no",
  };
  expect((await admin.put(`/api/incidents/${incidentId}/demand`, demand)).statusCode).toBe(204);
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

const indicators = async (): Promise<Indicator[]> =>
  (await admin.get(`/api/incidents/${incidentId}`)).json().indicators;
const exported = async (format: string) => {
  const res = await admin.get(`/api/incidents/${incidentId}/export/${format}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
};

async function exportTexts() {
  const json = (await exported("json")).json();
  const stix = JSON.stringify(
    (await exported("stix")).json().objects.filter((o: { type: string }) => o.type === "indicator"),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported("xlsx")).rawPayload as unknown as ArrayBuffer);
  const xlsx: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => xlsx.push(JSON.stringify(row.values))));
  const pdfFile = path.join(tmp, `report-${Date.now()}.pdf`);
  writeFileSync(pdfFile, (await exported("pdf")).rawPayload);
  const pdf = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
  // The PDF prints the note itself; only the indicator section must be free of context values.
  // The indicator section ends where the context section (values on warning lists) begins.
  const contextStart = pdf.search(/参考情報（警告リストに該当した値）|Context \(values on warning lists\)/);
  const pdfIndicators = pdf.slice(pdf.search(/攻撃の痕跡|Indicators/), contextStart);
  const pdfContext = pdf.slice(contextStart, contextStart + 4000);
  const xlsxIndicators = xlsx.filter((r) => !r.includes("ランサムノート") && !r.includes("Ransom note"));
  return { json, stix, xlsx: xlsxIndicators.join("\n"), pdf: pdfIndicators, pdfContext };
}

describe("warning-listed values are context, not indicators", () => {
  it("marks twitter.com and www.torproject.org from a LockBit note as context with the list and its date", async () => {
    const all = await indicators();
    for (const host of LISTED) {
      const hits = all.filter((i) => i.value.includes(host));
      expect(hits.length, host).toBeGreaterThan(0);
      for (const i of hits) {
        expect(i.context).toBe(true);
        expect(i.warningLists[0]).toMatchObject({ listId: "tranco10k", date: "2025-01-15" });
      }
    }
    const onions = all.filter((i) => i.kind === "onion");
    expect(onions.length).toBeGreaterThan(0);
    expect(onions.every((i) => !i.context && i.warningLists.length === 0)).toBe(true);
  });

  it("leaves context out of the indicators of the JSON, STIX, XLSX and PDF and lists it as context", async () => {
    const { json, stix, xlsx, pdf, pdfContext } = await exportTexts();
    // The PDF has a context section, and the warning-listed values are there, not among the indicators.
    expect(pdfContext).toContain("twitter.com");
    const values = json.indicators.map((i: { value: string }) => i.value);
    for (const host of LISTED) {
      expect(
        values.some((v: string) => v.includes(host)),
        host,
      ).toBe(false);
      expect(stix, host).not.toContain(host);
      expect(xlsx, host).not.toContain(host);
      expect(pdf, host).not.toContain(host);
    }
    expect(values.some((v: string) => v.endsWith(".onion"))).toBe(true);
    // The checks above look where indicators are printed: those places do hold the note's onion sites.
    for (const text of [stix, xlsx, pdf]) expect(text).toContain(".onion");
    const twitter = json.indicatorContext.find((c: { value: string }) => c.value === "twitter.com");
    expect(twitter.lists[0]).toEqual({ name: "よく使われるサイト上位1万（Tranco）", date: "2025-01-15" });
  });

  it("promotes a context value only with a reason, stores and audits it, and exports it until withdrawn", async () => {
    const tor = (await indicators()).find((i) => i.value === "www.torproject.org")!;
    const url = `/api/incidents/${incidentId}/indicators/${tor.id}/promotion`;
    expect((await admin.put(url, { reason: "短い" })).statusCode).toBe(400);
    const reason = "攻撃者がこのホストを模した偽サイトへ誘導しているため（検証用の記録）";
    expect((await admin.put(url, { reason })).statusCode).toBe(204);
    const promoted = (await indicators()).find((i) => i.id === tor.id)!;
    expect(promoted).toMatchObject({ context: false, promotion: { reason } });
    expect(promoted.promotion?.byName).toBeTruthy();
    const { json, stix } = await exportTexts();
    expect(json.indicators.find((i: { value: string }) => i.value === "www.torproject.org").note).toContain(
      reason,
    );
    expect(stix).toContain("www.torproject.org");
    const audit = (await admin.get("/api/audit?type=incident.indicator_promoted")).json().entries;
    expect(audit[0].payload).toMatchObject({
      indicatorId: tor.id,
      reason,
      lists: expect.arrayContaining(["tranco10k@2025-01-15"]),
    });

    expect((await admin.request({ method: "DELETE", url })).statusCode).toBe(204);
    expect((await indicators()).find((i) => i.id === tor.id)?.context).toBe(true);
    expect((await exportTexts()).stix).not.toContain("www.torproject.org");
  });

  it("refuses to promote a value that is on no list (it is an indicator already)", async () => {
    const onion = (await indicators()).find((i) => i.kind === "onion")!;
    const res = await admin.put(`/api/incidents/${incidentId}/indicators/${onion.id}/promotion`, {
      reason: "テストのための理由をここに書きます",
    });
    expect(res.statusCode).toBe(409);
  });
});
