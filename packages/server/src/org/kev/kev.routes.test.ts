import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { importKevCatalog } from "@sonae/kev";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAndLogin, type TestClient } from "../../testing/test-app";
import { buildReadinessTestApp, FORTIGATE, signInNewOrganisationUser } from "../devices/devices-test-support";
import { kevDirOf } from "./kev-catalog.cache";

const REPO = path.resolve(import.meta.dirname, "../../../../..");
const REAL = readFileSync(path.join(REPO, "../shared/data/kev/known_exploited_vulnerabilities.json"), "utf8");

/** The real 2026.08.07 catalogue re-dated, standing in for a newer release (entries unchanged). */
function redated(version: string, released: string, dropCve?: string): string {
  const catalog = JSON.parse(REAL) as {
    catalogVersion: string;
    dateReleased: string;
    count: number;
    vulnerabilities: { cveID: string }[];
  };
  catalog.catalogVersion = version;
  catalog.dateReleased = released;
  if (dropCve) catalog.vulnerabilities = catalog.vulnerabilities.filter((v) => v.cveID !== dropCve);
  catalog.count = catalog.vulnerabilities.length;
  return JSON.stringify(catalog);
}

let t: Awaited<ReturnType<typeof buildReadinessTestApp>>;
let admin: TestClient;
let feed: Server;
let feedUrl = "";
beforeAll(async () => {
  t = await buildReadinessTestApp();
  admin = (await setupAndLogin(t.app)).client;
  const body = redated("2026.09.01", "2026-09-01T12:00:00.000Z");
  feed = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
  await new Promise<void>((resolve) => feed.listen(0, "127.0.0.1", resolve));
  const address = feed.address();
  feedUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/kev.json`;
});
afterAll(async () => {
  await new Promise((resolve) => feed.close(resolve));
  await t.close();
});

describe("KEV catalogue updates", () => {
  it("lets an admin fetch a newer catalogue, uses it at once for matches, and audits it", async () => {
    const member = (
      await signInNewOrganisationUser(
        t.app,
        t.db.db,
        "member",
        (await admin.get("/api/organisation")).json().id,
      )
    ).client;
    process.env.SONAE_KEV_URL = feedUrl;
    try {
      expect((await member.post("/api/readiness/kev/fetch")).statusCode).toBe(403);
      const res = await admin.post("/api/readiness/kev/fetch");
      expect(res.statusCode).toBe(200);
      expect(res.json().current).toMatchObject({
        catalogVersion: "2026.09.01",
        source: `fetched:${feedUrl}`,
      });
      expect(res.json().available.map((c: { catalogVersion: string }) => c.catalogVersion)).toEqual([
        "2026.08.07",
        "2026.09.01",
      ]);
    } finally {
      delete process.env.SONAE_KEV_URL;
    }
    const created = await admin.post("/api/readiness/devices", FORTIGATE);
    expect(created.json().catalog.catalogVersion).toBe("2026.09.01");
    const audit = (await admin.get("/api/audit?type=kev.catalog_fetched")).json().entries;
    expect(audit[0].payload).toMatchObject({
      catalogVersion: "2026.09.01",
      count: JSON.parse(REAL).vulnerabilities.length,
    });
  });

  it("picks up a catalogue that `sonae kev import` stored while the server runs", async () => {
    const file = path.join(t.dataDir, "kev-newer-input.json");
    writeFileSync(file, redated("2026.10.01", "2026-10-01T12:00:00.000Z", "CVE-2018-13379"));
    importKevCatalog(file, kevDirOf(t.dataDir));
    const list = (await admin.get("/api/readiness/devices")).json();
    expect(list.catalog.catalogVersion).toBe("2026.10.01");
    const cves = list.devices[0].kevMatches.map((m: { cveID: string }) => m.cveID);
    expect(cves).not.toContain("CVE-2018-13379");
    expect(cves).toContain("CVE-2022-42475");
  });

  it("lists the readiness routes in the OpenAPI document", async () => {
    const doc = (await admin.get("/api/openapi.json")).json();
    for (const route of [
      "/api/readiness/contacts",
      "/api/readiness/devices",
      "/api/readiness/devices/{id}",
      "/api/readiness/devices/export",
      "/api/readiness/devices/import/preview",
      "/api/readiness/devices/import/confirm",
      "/api/readiness/kev",
      "/api/readiness/kev/fetch",
      "/api/readiness/registers-summary",
    ]) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
  });
});

describe("KEV data for offline machines (issue 12)", () => {
  const base64 = (text: string) => Buffer.from(text).toString("base64");

  it("lets an admin upload a catalogue and NVD records, validated, dated and audited", async () => {
    const catalogue = await admin.post("/api/readiness/kev/upload", {
      kind: "catalog",
      fileName: "known_exploited_vulnerabilities.json",
      contentBase64: base64(redated("2026.11.01", "2026-11-01T12:00:00.000Z")),
    });
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json().current.catalogVersion).toBe("2026.11.01");
    const nvdAnswer = JSON.parse(
      readFileSync(path.join(REPO, "packages/kev/test/fixtures/nvd-api-pages.json"), "utf8"),
    ).pages[0];
    const nvd = await admin.post("/api/readiness/kev/upload", {
      kind: "nvd",
      fileName: "nvd-hasKev.json",
      contentBase64: base64(JSON.stringify(nvdAnswer)),
    });
    expect(nvd.statusCode).toBe(200);
    expect(nvd.json().nvd.map((r: { origin: string }) => r.origin)).toContain("uploaded:nvd-hasKev.json");
    expect(nvd.json().current.nvd.retrieved).toBe("2026-12-02");
    expect(nvd.json().nvdNotice).toContain("not endorsed");
    const audit = (await admin.get("/api/audit?type=kev.data_uploaded")).json().entries;
    expect(audit.map((e: { payload: { kind: string } }) => e.payload.kind).sort()).toEqual([
      "catalog",
      "nvd",
    ]);
  });

  it("refuses a file that is not what it claims, stores nothing, and keeps members out", async () => {
    const before = (await admin.get("/api/readiness/kev")).json();
    const bad = await admin.post("/api/readiness/kev/upload", {
      kind: "nvd",
      fileName: "x.json",
      contentBase64: base64(JSON.stringify({ vulnerabilities: [{ cve: { id: "nope" } }] })),
    });
    expect(bad.statusCode).toBe(400);
    const notCatalogue = await admin.post("/api/readiness/kev/upload", {
      kind: "catalog",
      fileName: "x.json",
      contentBase64: base64("{}"),
    });
    expect(notCatalogue.statusCode).toBe(400);
    expect((await admin.get("/api/readiness/kev")).json()).toEqual(before);
    const member = (
      await signInNewOrganisationUser(
        t.app,
        t.db.db,
        "member",
        (await admin.get("/api/organisation")).json().id,
      )
    ).client;
    const refused = await member.post("/api/readiness/kev/upload", {
      kind: "catalog",
      fileName: "x.json",
      contentBase64: base64(REAL),
    });
    expect(refused.statusCode).toBe(403);
  });

  it("suggests vendor and product names the catalogue knows", async () => {
    const res = (await admin.get("/api/readiness/kev/suggestions")).json();
    const fortinet = res.vendors.find((v: { name: string }) => v.name === "Fortinet");
    expect(fortinet.products).toContain("FortiOS");
    expect(res.vendors.every((v: { products: string[] }) => !v.products.includes("Multiple Products"))).toBe(
      true,
    );
  });
});
