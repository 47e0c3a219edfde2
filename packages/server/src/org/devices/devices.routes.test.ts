import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAndLogin, type TestClient } from "../../testing/test-app";
import { buildReadinessTestApp, FORTIGATE, signInNewOrganisationUser } from "./devices-test-support";

const REPO = path.resolve(import.meta.dirname, "../../../../..");
const KEV_FILE = path.join(REPO, "../shared/data/kev/known_exploited_vulnerabilities.json");
type KevEntry = { cveID: string; vendorProject: string; product: string; knownRansomwareCampaignUse: string };
const kev = JSON.parse(readFileSync(KEV_FILE, "utf8")) as {
  catalogVersion: string;
  vulnerabilities: KevEntry[];
};

let t: Awaited<ReturnType<typeof buildReadinessTestApp>>;
let admin: TestClient;
beforeAll(async () => {
  t = await buildReadinessTestApp();
  admin = (await setupAndLogin(t.app)).client;
});
afterAll(() => t.close());

const b64 = (data: string | Buffer) => Buffer.from(data).toString("base64");
const preview = (client: TestClient, content: string | Buffer, format: "csv" | "xlsx" = "csv") =>
  client.post("/api/readiness/devices/import/preview", {
    fileName: `devices.${format}`,
    format,
    contentBase64: b64(content),
  });

describe("device register and KEV matching (shipped catalogue)", () => {
  it("matches a FortiOS SSL-VPN device to FortiOS KEV entries and shows the catalogue date", async () => {
    const res = await admin.post("/api/readiness/devices", FORTIGATE);
    expect(res.statusCode).toBe(201);
    const { device, catalog } = res.json();
    expect(catalog.catalogVersion).toBe(kev.catalogVersion);
    expect(catalog.dateReleased).toMatch(/^2026-08-07/);
    const fortiOs = new Set(
      kev.vulnerabilities
        .filter((v) => v.vendorProject === "Fortinet" && /fortios/i.test(v.product))
        .map((v) => v.cveID),
    );
    const cves: string[] = device.kevMatches.map((m: { cveID: string }) => m.cveID);
    // CVE-2018-13379: FortiOS SSL-VPN path traversal, used by ransomware groups against Japanese firms.
    expect(cves).toContain("CVE-2018-13379");
    expect(cves.filter((c) => fortiOs.has(c)).length).toBeGreaterThanOrEqual(10);
    const fortinet = new Set(
      kev.vulnerabilities.filter((v) => v.vendorProject === "Fortinet").map((v) => v.cveID),
    );
    expect(cves.every((c) => fortinet.has(c))).toBe(true);
    const m = device.kevMatches.find((x: { cveID: string }) => x.cveID === "CVE-2018-13379");
    expect(m.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m.knownRansomwareCampaignUse).toBe(
      kev.vulnerabilities.find((v) => v.cveID === "CVE-2018-13379")!.knownRansomwareCampaignUse,
    );
    expect(["affected", "version-unknown", "not-affected-by-version"]).toContain(m.versionVerdict);
    expect(m.reason.ja.length).toBeGreaterThan(0);

    const single = await admin.get(`/api/readiness/devices/${device.id}`);
    expect(single.json().device.kevMatches.length).toBe(device.kevMatches.length);
  });

  it("does not match an unrelated product", async () => {
    const res = await admin.post("/api/readiness/devices", {
      name: "受付カメラ",
      type: "ip_camera",
      vendor: "Sonae Test Works",
      product: "Kamome Doorbell 3000",
      version: "1.0",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().device.kevMatches).toEqual([]);
  });

  it("summarises devices with KEV matches for the dashboard", async () => {
    const res = await admin.get("/api/readiness/registers-summary");
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.devices.withKevMatches).toBeGreaterThanOrEqual(1);
    expect(s.devices.withKevMatches).toBeLessThan(s.devices.total);
    expect(s.devices.logsInMemoryOnly).toBeGreaterThanOrEqual(1);
  });
});

describe("CSV/XLSX import: preview, row errors, confirm", () => {
  const header = "名称,種別,ベンダー,製品,バージョン,多要素認証,最終パッチ適用日,ログの保存先";
  const good = "支店VPN,VPN,Fortinet,FortiGate 40F,7.0.12,あり,2026-03-01,転送（syslog等）";
  const bad = "ルーター,トースター,Yamaha,RTX1210,,たぶん,2026-13-40,";

  it("shows row-level errors and writes nothing, then imports the fixed file after confirmation", async () => {
    const before = (await admin.get("/api/readiness/devices")).json().devices.length;
    const withBad = await preview(admin, `\uFEFF${header}\r\n${good}\r\n${bad}\r\n`);
    expect(withBad.statusCode).toBe(200);
    const p = withBad.json();
    expect(p.token).toBeNull();
    expect(p.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      "3:種別",
      "3:多要素認証",
      "3:最終パッチ適用日",
    ]);
    expect(p.errors[0].message.en).toContain("not allowed");
    expect((await admin.get("/api/readiness/devices")).json().devices.length).toBe(before);

    const fixed = await preview(
      admin,
      `${header}\n${good}\n${bad.replace("トースター", "ルーター").replace("たぶん", "なし").replace("2026-13-40", "2026/2/3")}\n`,
    );
    const ok = fixed.json();
    expect(ok.errors).toEqual([]);
    expect(ok.rowCount).toBe(2);
    expect(ok.token).toBeTruthy();
    expect((await admin.get("/api/readiness/devices")).json().devices.length).toBe(before);

    const confirm = await admin.post("/api/readiness/devices/import/confirm", { token: ok.token });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().imported).toBe(2);
    const list = (await admin.get("/api/readiness/devices")).json().devices;
    expect(list.length).toBe(before + 2);
    const router = list.find((d: { name: string }) => d.name === "ルーター");
    expect(router).toMatchObject({ type: "router", mfaEnabled: false, lastPatchedAt: "2026-02-03" });
    // A token is good once.
    expect((await admin.post("/api/readiness/devices/import/confirm", { token: ok.token })).statusCode).toBe(
      400,
    );
    const audit = (await admin.get("/api/audit?type=devices.imported")).json();
    expect(audit.entries[0].payload.count).toBe(2);
  });

  it("accepts English headers", async () => {
    const res = await preview(
      admin,
      "Name,Type,Vendor,Product,Version\nGW,rdp_gateway,Microsoft,Remote Desktop Gateway,\n",
    );
    expect(res.json().errors).toEqual([]);
    expect(res.json().rows[0]).toMatchObject({ type: "rdp_gateway", vendor: "Microsoft" });
  });

  it.each([
    ["an unclosed quote", `${header}\n"支店VPN,VPN,Fortinet,FortiGate,1\n`, "malformed"],
    [
      "an EUC-JP file (名称,種別)",
      Buffer.from([0xcc, 0xbe, 0xbe, 0xce, 0x2c, 0xbc, 0xef, 0xca, 0xcc, 0x0a]),
      "neither UTF-8 nor Shift_JIS",
    ],
    ["a missing header", "支店VPN,VPN,Fortinet,FortiGate\n", "Required columns are missing"],
    ["an empty file", "", "empty"],
  ])("refuses %s with a clear error and writes nothing", async (_label, content, message) => {
    const en = await signInEnglish();
    const res = await preview(en, content);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(message);
  });

  it("flags formula injection as a row error", async () => {
    const res = await preview(
      admin,
      `${header}\n"=HYPERLINK(""http://x"")",VPN,Fortinet,FortiGate,1,,,\n@SUM(A1),VPN,Fortinet,FortiGate,1,,,\n`,
    );
    const p = res.json();
    expect(p.token).toBeNull();
    expect(p.errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
    expect(p.errors[0].column).toBe("名称");
  });

  it("refuses an XLSX formula cell and a file that is not XLSX", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("機器台帳");
    sheet.addRow(["名称", "種別", "ベンダー", "製品"]);
    sheet.addRow([{ formula: 'CONCAT("a","b")' }, "VPN", "Fortinet", "FortiGate"]);
    const res = await preview(admin, Buffer.from(await wb.xlsx.writeBuffer()), "xlsx");
    expect(res.json().errors[0]).toMatchObject({ row: 2, column: "名称" });
    expect((await preview(admin, "not a zip", "xlsx")).statusCode).toBe(400);
  });
});

describe("KEV verdicts of the register (issue 12)", () => {
  it("leads with affected devices, shows only what truly affects each, and counts not-affected quietly", async () => {
    const t2 = await buildReadinessTestApp();
    try {
      const client = (await setupAndLogin(t2.app)).client;
      const add = (name: string, vendor: string, product: string, version: string) =>
        client.post("/api/readiness/devices", { ...FORTIGATE, name, vendor, product, version });
      await add("A SMA", "SonicWall", "SMA 100", "10.2.1.13-72sv");
      await add("B FortiGate", "Fortinet", "FortiGate 60F", "7.0.12");
      await add("C Ivanti", "Ivanti", "Connect Secure", "22.7R2.3");
      const list = (await client.get("/api/readiness/devices")).json();
      expect(list.catalog.nvd).toMatchObject({ retrieved: "2026-12-01", cves: 186 });
      expect(list.catalog.nvd.notice).toContain("not endorsed or certified by the NVD");
      const names = list.devices.map((d: { name: string }) => d.name);
      expect(names.at(-1)).toBe("A SMA");
      const byName = new Map(list.devices.map((d: { name: string }) => [d.name, d]));
      const forti = byName.get("B FortiGate") as {
        kevMatches: {
          cveID: string;
          versionVerdict: string;
          fixedVersion: string | null;
          reason: { ja: string };
        }[];
        kevCounts: { affected: number; notAffected: number };
      };
      const verdict = (id: string) => forti.kevMatches.find((m) => m.cveID === id);
      expect(verdict("CVE-2024-21762")).toMatchObject({ versionVerdict: "affected", fixedVersion: "7.0.14" });
      expect(verdict("CVE-2018-13379")?.versionVerdict).toBe("not-affected-by-version");
      expect(forti.kevMatches[0]!.versionVerdict).toBe("affected");
      expect(forti.kevCounts.affected).toBeGreaterThan(0);
      const sma = byName.get("A SMA") as {
        kevCounts: { affected: number; unknown: number; notAffected: number };
      };
      expect(sma.kevCounts).toMatchObject({ affected: 0, unknown: 0 });
      expect(sma.kevCounts.notAffected).toBeGreaterThan(0);
      const summary = (await client.get("/api/readiness/registers-summary")).json();
      expect(summary.devices).toMatchObject({ total: 3, withKevMatches: 2, withKevUnknown: 0 });
      const assessment = (await client.get("/api/readiness/assessment")).json();
      const item = assessment.items.find((i: { id: string }) => i.id === "vpn-patched");
      expect(item.status).toBe("unmet");
      expect(item.reason.ja).toContain("2台");
    } finally {
      await t2.close();
    }
  });
});

describe("export", () => {
  it("writes CSV with a BOM, Japanese headers and formula-escaped cells", async () => {
    await admin.post("/api/readiness/devices", {
      ...FORTIGATE,
      name: "=cmd|' /C calc'!A0",
      usage: "+悪意のある式",
    });
    const res = await admin.get("/api/readiness/devices/export?format=csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toMatch(/^名称,種別,ベンダー,製品,/);
    expect(text).toContain("\r\n'=cmd|' /C calc'!A0,");
    expect(text).toContain("'+悪意のある式");
    expect(text).not.toMatch(/(^|,)=cmd/m);
    expect(text).toContain("CVE-2018-13379");
  });

  it("round-trips through XLSX: export, preview, same devices", async () => {
    const list = (await admin.get("/api/readiness/devices")).json().devices;
    const res = await admin.get("/api/readiness/devices/export?format=xlsx");
    expect(res.statusCode).toBe(200);
    const back = (await preview(admin, res.rawPayload, "xlsx")).json();
    expect(back.errors).toEqual([]);
    const key = (d: {
      name: string;
      type: string;
      vendor: string;
      product: string;
      version: string | null;
    }) => `${d.name}|${d.type}|${d.vendor}|${d.product}|${d.version}`;
    expect(back.rows.map(key).sort()).toEqual(list.map(key).sort());
  });
});

describe("roles and organisations", () => {
  it("lets a viewer read but not change (403)", async () => {
    const orgId = (await admin.get("/api/organisation")).json().id;
    const { client: viewer } = await signInNewOrganisationUser(t.app, t.db.db, "viewer", orgId);
    expect((await viewer.get("/api/readiness/devices")).statusCode).toBe(200);
    expect((await viewer.post("/api/readiness/devices", FORTIGATE)).statusCode).toBe(403);
    expect((await preview(viewer, "名称,種別,ベンダー,製品\na,VPN,b,c\n")).statusCode).toBe(403);
    expect((await viewer.post("/api/readiness/kev/fetch")).statusCode).toBe(403);
  });

  it("hides one organisation's devices from another (404, empty list)", async () => {
    const mine = (await admin.get("/api/readiness/devices")).json().devices[0];
    const { client: other } = await signInNewOrganisationUser(t.app, t.db.db, "admin");
    expect((await other.get(`/api/readiness/devices/${mine.id}`)).statusCode).toBe(404);
    expect((await other.put(`/api/readiness/devices/${mine.id}`, FORTIGATE)).statusCode).toBe(404);
    expect(
      (await other.request({ method: "DELETE", url: `/api/readiness/devices/${mine.id}` })).statusCode,
    ).toBe(404);
    expect((await other.get("/api/readiness/devices")).json().devices).toEqual([]);
    const exported = (await other.get("/api/readiness/devices/export?format=csv")).rawPayload.toString(
      "utf8",
    );
    expect(exported).not.toContain(mine.name);
  });
});

describe("KEV catalogue administration", () => {
  it("answers an offline fetch with 502 and a clear reason, keeps the catalogue, and audits it", async () => {
    process.env.SONAE_KEV_URL = "http://127.0.0.1:9/known_exploited_vulnerabilities.json";
    try {
      const en = await signInEnglish();
      const res = await en.post("/api/readiness/kev/fetch");
      expect(res.statusCode).toBe(502);
      expect(res.json().error.message).toContain("sonae kev import");
    } finally {
      delete process.env.SONAE_KEV_URL;
    }
    const status = (await admin.get("/api/readiness/kev")).json();
    expect(status.current.catalogVersion).toBe(kev.catalogVersion);
    expect((await admin.get("/api/audit?type=kev.catalog_fetch_failed")).json().entries.length).toBe(1);
  });
});

async function signInEnglish(): Promise<TestClient> {
  const orgId = (await admin.get("/api/organisation")).json().id;
  const { client } = await signInNewOrganisationUser(t.app, t.db.db, "admin", orgId);
  (client as unknown as { lang: string }).lang = "en";
  return client;
}
