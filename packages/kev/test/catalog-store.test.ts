import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  fetchKevCatalog,
  importKevCatalog,
  listKevCatalogs,
  loadKevCatalog,
  loadShippedKevCatalog,
} from "../src/catalog-store";
import { KevError } from "../src/kev-error";

const SHARED_KEV = path.resolve(import.meta.dirname, "../../../../shared/data/kev");
const OFFICIAL_2025 = path.join(
  SHARED_KEV,
  "official-cisagov-2025-08-25/known_exploited_vulnerabilities.json",
);

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sonae-kev-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The shipped catalogue re-released one day later with one more entry: what a newer CISA file looks like. */
function writeNewerCatalogue(dir: string): string {
  const shipped = loadShippedKevCatalog();
  const { source: _source, ...file } = shipped;
  const extra = { ...shipped.vulnerabilities[0]!, cveID: "CVE-2026-99999", dateAdded: "2026-08-08" };
  const newer = {
    ...file,
    catalogVersion: "2026.08.08",
    dateReleased: "2026-08-08T16:00:00.000Z",
    count: file.count + 1,
    vulnerabilities: [extra, ...file.vulnerabilities],
  };
  const target = path.join(dir, "kev-newer.json");
  writeFileSync(target, JSON.stringify(newer));
  return target;
}

describe("KEV catalogue store", () => {
  it("ships the 2026.08.07 catalogue and validates it against the official schema", () => {
    const shipped = loadShippedKevCatalog();
    expect(shipped.catalogVersion).toBe("2026.08.07");
    expect(shipped.vulnerabilities).toHaveLength(1662);
    expect(loadKevCatalog(tempDir()).catalogVersion).toBe("2026.08.07");
  });

  it("imports the official 2025-08-25 file but keeps the newer shipped catalogue active", () => {
    const dir = tempDir();
    const info = importKevCatalog(OFFICIAL_2025, dir);
    expect(info).toMatchObject({ catalogVersion: "2025.08.25", count: 1404 });
    expect(loadKevCatalog(dir).catalogVersion).toBe("2026.08.07");
    expect(listKevCatalogs(dir).map((c) => c.catalogVersion)).toEqual(["2026.08.07", "2025.08.25"]);
  });

  it("makes a newer imported catalogue (JSON or gzip) the active one", () => {
    const dir = tempDir();
    const source = writeNewerCatalogue(tempDir());
    const gz = `${source}.gz`;
    writeFileSync(gz, gzipSync(readFileSync(source)));
    importKevCatalog(gz, dir);
    const active = loadKevCatalog(dir);
    expect(active).toMatchObject({ catalogVersion: "2026.08.08", source: "imported:kev-newer.json.gz" });
    expect(active.vulnerabilities[0]!.cveID).toBe("CVE-2026-99999");
  });

  it.each([
    ["not JSON", "{ this is not json"],
    ["missing fields", JSON.stringify({ catalogVersion: "x" })],
    [
      "a bad CVE id",
      JSON.stringify({
        ...loadShippedKevCatalog(),
        source: undefined,
        vulnerabilities: [{ ...loadShippedKevCatalog().vulnerabilities[0]!, cveID: "CVE-24-1" }],
      }),
    ],
    [
      "a bad date",
      JSON.stringify({ ...loadShippedKevCatalog(), source: undefined, dateReleased: "yesterday" }),
    ],
  ])("rejects a catalogue with %s and changes nothing", (_label, content) => {
    const dir = tempDir();
    const file = path.join(tempDir(), "bad.json");
    writeFileSync(file, content);
    expect(() => importKevCatalog(file, dir)).toThrow(KevError);
    try {
      importKevCatalog(file, dir);
    } catch (error) {
      expect((error as KevError).code).toBe("INVALID_CATALOG");
      expect((error as KevError).userMessage.ja).toContain("bad.json");
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("stores a schema-valid but inconsistent catalogue with warnings", () => {
    const shipped = loadShippedKevCatalog();
    const { source: _source, ...file } = shipped;
    const first = file.vulnerabilities[0]!;
    const odd = { ...file, count: 5, vulnerabilities: [first, first] };
    const target = path.join(tempDir(), "odd.json");
    writeFileSync(target, JSON.stringify(odd));
    const info = importKevCatalog(target, tempDir());
    expect(info.warnings?.map((w) => w.en)).toEqual([
      "count (5) differs from the number of entries (2).",
      `Repeated CVE ids: ${first.cveID}`,
    ]);
  });

  it("reports a missing file as READ_FAILED", () => {
    expect(() => importKevCatalog("/nonexistent/kev.json", tempDir())).toThrow(/Cannot read/);
  });

  it("skips a stored catalogue that was corrupted later and says why", () => {
    const dir = tempDir();
    const info = importKevCatalog(writeNewerCatalogue(tempDir()), dir);
    writeFileSync(info.file, "{}");
    expect(loadKevCatalog(dir).catalogVersion).toBe("2026.08.07");
    expect(listKevCatalogs(dir)[1]!.problem).toMatch(/schema/);
  });

  it("fetches through the given fetch implementation and stores the result", async () => {
    const dir = tempDir();
    const body = readFileSync(writeNewerCatalogue(tempDir()));
    let askedUrl = "";
    const fakeFetch = (async (url: string | URL | Request) => {
      askedUrl = String(url);
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    const info = await fetchKevCatalog(undefined, dir, { fetchImpl: fakeFetch });
    expect(askedUrl).toBe(
      "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json",
    );
    expect(info.source).toBe(`fetched:${askedUrl}`);
    expect(loadKevCatalog(dir).catalogVersion).toBe("2026.08.08");
  });

  it("leaves the store unchanged when the download fails, times out or is not a catalogue", async () => {
    const dir = tempDir();
    const fail = (async () => new Response("busy", { status: 503 })) as unknown as typeof fetch;
    await expect(
      fetchKevCatalog("https://example.invalid/kev.json", dir, { fetchImpl: fail }),
    ).rejects.toThrow(/503/);
    const hang = ((_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;
    await expect(
      fetchKevCatalog("https://example.invalid/kev.json", dir, { fetchImpl: hang, timeoutMs: 50 }),
    ).rejects.toMatchObject({
      code: "FETCH_FAILED",
    });
    const html = (async () =>
      new Response("<html>maintenance</html>", { status: 200 })) as unknown as typeof fetch;
    await expect(
      fetchKevCatalog("https://example.invalid/kev.json", dir, { fetchImpl: html }),
    ).rejects.toMatchObject({
      code: "INVALID_CATALOG",
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
