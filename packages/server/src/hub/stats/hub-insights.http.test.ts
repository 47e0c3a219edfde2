import { type THubAdvisory, type THubAdvisoryFeed, type THubStats, todayInJapan } from "@sonae/core";
import { createDb } from "@sonae/db";
import { createScratchPostgresDatabase } from "@sonae/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchAdvisoryFeed } from "../../org/hub-client/advisory-feed";
import { generateHubOrgKeyPair, submitReportToHub } from "../../org/hub-client/hub-client";
import { buildTestApp, setupAndLogin } from "../../testing/test-app";
import { buildHubTestApp, injectFetch, samplePackage, setupHubStaff } from "../testing/hub-test-app";

/**
 * First-run setup and exact counts need an empty database: PGlite in memory, and a scratch
 * PostgreSQL database when TEST_DATABASE_URL is set (the shared one holds other tests' reports).
 */
const backends = [
  {
    name: "pglite",
    open: async () => ({ handle: await createDb({ inMemory: true }), drop: async () => {} }),
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: "postgres",
          open: async () => {
            const scratch = await createScratchPostgresDatabase();
            return { handle: await createDb({ databaseUrl: scratch.url }), drop: scratch.drop };
          },
        },
      ]
    : []),
];

describe.each(backends)("hub statistics and advisories on $name", (backend) => {
  let t: Awaited<ReturnType<typeof buildHubTestApp>>;
  let staff: Awaited<ReturnType<typeof setupHubStaff>>;
  const org = generateHubOrgKeyPair();
  let drop: () => Promise<void>;

  const submit = (prefectureCode: string) =>
    submitReportToHub({
      hubUrl: "http://hub.test",
      payload: samplePackage(),
      privateKey: org.privateKeyPem,
      orgName: "株式会社テスト",
      prefectureCode,
      fetchImpl: injectFetch(t.app),
    });

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    t = await buildHubTestApp(opened.handle);
    staff = await setupHubStaff(t.app, [
      { key: "tokyoOfficer", unitId: 13, role: "intake_officer" },
      { key: "tokyoAnalyst", unitId: 13, role: "analyst" },
      { key: "osakaAnalyst", unitId: 27, role: "analyst" },
      { key: "national", unitId: 0, role: "analyst" },
    ]);
    for (const code of ["13", "13", "13", "27"]) await submit(code);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await t.db.close();
    await drop();
  });

  describe("statistics", () => {
    const period = () => `from=${todayInJapan()}&to=${todayInJapan()}`;

    it("counts only what the unit may see, and everything for the national unit", async () => {
      const tokyoCases = (await staff.clients.tokyoOfficer!.get("/api/hub/cases")).json() as { id: string }[];
      await staff.clients.tokyoOfficer!.post(`/api/hub/cases/${tokyoCases[0]!.id}/actions`, {
        action: "acknowledge",
      });
      await staff.clients.tokyoOfficer!.post(`/api/hub/cases/${tokyoCases[0]!.id}/actions`, {
        action: "classify",
        category: "ransomware",
      });

      const tokyo = (await staff.clients.tokyoAnalyst!.get(`/api/hub/stats?${period()}`)).json() as THubStats;
      expect(tokyo.scope).toBe("unit");
      expect(tokyo.total).toBe(3);
      expect(tokyo.byUnit).toEqual([{ key: 13, count: 3 }]);
      expect(tokyo.byCategory).toContainEqual({ key: "ransomware", count: 1 });
      expect(tokyo.byCategory).toContainEqual({ key: null, count: 2 });
      expect(tokyo.acknowledgement.acknowledged).toBe(1);
      expect(tokyo.acknowledgement.withinSla).toBe(1);
      expect(tokyo.acknowledgement.medianMinutes).not.toBeNull();
      expect(tokyo.byMonth).toEqual([{ key: todayInJapan().slice(0, 7), count: 3 }]);

      const osaka = (await staff.clients.osakaAnalyst!.get(`/api/hub/stats?${period()}`)).json() as THubStats;
      expect(osaka.total).toBe(1);
      expect(osaka.byUnit).toEqual([{ key: 27, count: 1 }]);

      const national = (await staff.clients.national!.get(`/api/hub/stats?${period()}`)).json() as THubStats;
      expect(national.scope).toBe("national");
      expect(national.total).toBe(4);
      expect(national.byUnit).toEqual([
        { key: 13, count: 3 },
        { key: 27, count: 1 },
      ]);
    });

    it("excludes reports outside the period and refuses a reversed or too long period", async () => {
      const past = (
        await staff.clients.national!.get("/api/hub/stats?from=2020-01-01&to=2020-12-31")
      ).json() as THubStats;
      expect(past.total).toBe(0);
      expect(past.acknowledgement.medianMinutes).toBeNull();
      const reversed = await staff.clients.national!.get("/api/hub/stats?from=2026-02-01&to=2026-01-01");
      expect(reversed.statusCode).toBe(400);
      const long = await staff.clients.national!.get("/api/hub/stats?from=2015-01-01&to=2026-01-01");
      expect(long.statusCode).toBe(400);
      expect(long.json().error.field).toBe("from");
    });

    it("exports an Excel-safe CSV and audits every read", async () => {
      const res = await staff.clients.tokyoAnalyst!.get(`/api/hub/stats.csv?${period()}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("text/csv");
      expect(res.body.startsWith("\uFEFFdimension,value,count\r\n")).toBe(true);
      expect(res.body).toContain("unit,13,3\r\n");
      expect(res.body).toContain("category,unclassified,2\r\n");
      const audit = await staff.admin.get("/api/audit?type=hub.stats_viewed");
      const formats = (audit.json().entries as { payload: { format: string } }[]).map(
        (e) => e.payload.format,
      );
      expect(formats).toContain("csv");
      expect(formats).toContain("json");
    });

    it("is refused without a hub membership", async () => {
      const res = await t.app.inject({ method: "GET", url: `/api/hub/stats?${period()}` });
      expect(res.statusCode).toBe(401);
    });
  });

  describe("advisories", () => {
    const advisory = (over: Record<string, unknown> = {}) => ({
      severity: "warning",
      titleJa: "VPN 機器の脆弱性を悪用した侵入が続いています",
      titleEn: "Intrusions through a VPN device vulnerability continue",
      bodyJa: "修正版の適用と、機器のログの保全をお願いします。",
      bodyEn: "Apply the fixed firmware and preserve the device logs.",
      prefectureCode: "13",
      sourceUrl: "https://www.npa.go.jp/",
      ...over,
    });

    it("lets a prefecture address its own prefecture only, and the national unit everyone", async () => {
      const own = await staff.clients.tokyoAnalyst!.post("/api/hub/advisories", advisory());
      expect(own.statusCode).toBe(201);
      expect((own.json() as THubAdvisory).issuedBy.unitId).toBe(13);
      const other = await staff.clients.tokyoAnalyst!.post(
        "/api/hub/advisories",
        advisory({ prefectureCode: "27" }),
      );
      expect(other.statusCode).toBe(403);
      const nationwide = await staff.clients.tokyoAnalyst!.post(
        "/api/hub/advisories",
        advisory({ prefectureCode: null }),
      );
      expect(nationwide.statusCode).toBe(403);
      const officer = await staff.clients.tokyoOfficer!.post("/api/hub/advisories", advisory());
      expect(officer.statusCode).toBe(403);
      const national = await staff.clients.national!.post(
        "/api/hub/advisories",
        advisory({ prefectureCode: null, severity: "critical", titleJa: "全国向け注意喚起" }),
      );
      expect(national.statusCode).toBe(201);
      const insecure = await staff.clients.national!.post(
        "/api/hub/advisories",
        advisory({ sourceUrl: "http://example.jp/" }),
      );
      expect(insecure.statusCode).toBe(400);
    });

    it("serves the published ones publicly by prefecture, without withdrawn ones", async () => {
      const list = async (q: string) =>
        (
          await t.app.inject({ method: "GET", url: `/api/hub/public/advisories${q}` })
        ).json() as THubAdvisory[];
      expect((await list("?prefecture=13")).map((a) => a.titleJa)).toEqual([
        "全国向け注意喚起",
        "VPN 機器の脆弱性を悪用した侵入が続いています",
      ]);
      expect((await list("?prefecture=27")).map((a) => a.titleJa)).toEqual(["全国向け注意喚起"]);
      expect((await list("")).map((a) => a.titleJa)).toEqual(["全国向け注意喚起"]);

      const tokyoOwn = (await list("?prefecture=13")).find((a) => a.issuedBy.unitId === 13)!;
      const byOsaka = await staff.clients.osakaAnalyst!.post(
        `/api/hub/advisories/${tokyoOwn.id}/withdraw`,
        {},
      );
      expect(byOsaka.statusCode).toBe(404);
      const withdrawn = await staff.clients.tokyoAnalyst!.post(
        `/api/hub/advisories/${tokyoOwn.id}/withdraw`,
        {},
      );
      expect(withdrawn.statusCode).toBe(200);
      expect((await list("?prefecture=13")).map((a) => a.titleJa)).toEqual(["全国向け注意喚起"]);
      const history = (await staff.clients.tokyoAnalyst!.get("/api/hub/advisories")).json() as THubAdvisory[];
      expect(history.find((a) => a.id === tokyoOwn.id)?.withdrawnAt).not.toBeNull();
    });

    it("reach an organisation's instance for its prefecture, with the hub and fetch time", async () => {
      const orgApp = await buildTestApp();
      try {
        // The organisation's prefecture is Tokyo (13): nationwide advisories only, Tokyo's was withdrawn.
        const { organisation } = await setupAndLogin(orgApp.app);
        const feed = (await fetchAdvisoryFeed(
          orgApp.db.db,
          organisation.id,
          "http://127.0.0.1:9",
          injectFetch(t.app),
        )) as THubAdvisoryFeed;
        expect(feed.hubUrl).toBe("http://127.0.0.1:9");
        expect(Date.parse(feed.fetchedAt)).not.toBeNaN();
        expect(feed.advisories.map((a) => a.titleJa)).toEqual(["全国向け注意喚起"]);
        await expect(
          fetchAdvisoryFeed(orgApp.db.db, organisation.id, "http://127.0.0.1:9", () =>
            Promise.reject(new Error("ECONNREFUSED")),
          ),
        ).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
        await expect(
          fetchAdvisoryFeed(orgApp.db.db, organisation.id, "ftp://hub.example.jp"),
        ).rejects.toMatchObject({
          code: "VALIDATION",
        });
      } finally {
        await orgApp.close();
      }
    });
  });
});
