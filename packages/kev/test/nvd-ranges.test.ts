import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadShippedKevCatalog } from "../src/catalog-store";
import { matchDevice } from "../src/device-matcher";
import { KevError } from "../src/kev-error";
import { loadKevRanges } from "../src/ranges/kev-ranges";
import { fetchNvdKevRanges, nvdDelayMs } from "../src/ranges/nvd-fetch";
import { importNvdRanges, listNvdRanges } from "../src/ranges/nvd-range-store";
import { parseNvdRangeText } from "../src/ranges/nvd-range-validate";
import fixture from "./fixtures/nvd-api-pages.json" with { type: "json" };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sonae-nvd-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for the NVD API: answers the pages of the fixture by startIndex, records every request. */
function fakeNvd(status: number[] = []) {
  const requests: { url: string; apiKey?: string }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    requests.push({ url, apiKey: headers.apiKey });
    const code = status.shift();
    if (code) return new Response("limit", { status: code });
    const start = Number(new URL(url).searchParams.get("startIndex"));
    const page = fixture.pages.find((p) => p.startIndex === start);
    return new Response(JSON.stringify(page), { status: 200 });
  }) as typeof fetch;
  return { requests, fetchImpl };
}

describe("NVD records for KEV entries", () => {
  it("fetches every page with hasKev, waits NVD's rate-limit delay between pages and stores the records", async () => {
    const { requests, fetchImpl } = fakeNvd();
    const sleeps: number[] = [];
    const info = await fetchNvdKevRanges(dir, {
      url: "https://nvd.test/rest/json/cves/2.0",
      fetchImpl,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(requests.map((r) => r.url)).toEqual([
      "https://nvd.test/rest/json/cves/2.0?hasKev&resultsPerPage=2000&startIndex=0",
      "https://nvd.test/rest/json/cves/2.0?hasKev&resultsPerPage=2000&startIndex=2",
    ]);
    expect(sleeps).toEqual([nvdDelayMs()]);
    expect(nvdDelayMs()).toBeGreaterThanOrEqual(6000); // 5 requests per 30 s without a key
    expect(info).toMatchObject({
      count: 3,
      retrieved: "2026-12-02",
      origin: "fetched:https://nvd.test/rest/json/cves/2.0",
    });
    expect(listNvdRanges(dir).map((r) => r.origin)).toEqual(["shipped", info.origin]);
    // The fetched record is newer than the shipped one, so its date is the one shown with the verdict.
    const ranges = loadKevRanges(dir);
    const m = matchDevice(
      { vendor: "Fortinet", product: "FortiGate", version: "7.0.12" },
      loadShippedKevCatalog(),
      undefined,
      ranges,
    ).matches.find((x) => x.cveID === "CVE-2018-13379")!;
    expect(m.basis).toMatchObject({ kind: "nvd", recordDate: "2026-11-30", retrieved: "2026-12-02" });
  });

  it("sends the API key as NVD asks, backs off on 403/429 and retries", async () => {
    const { requests, fetchImpl } = fakeNvd([429]);
    const sleeps: number[] = [];
    await fetchNvdKevRanges(dir, { apiKey: "k-123", fetchImpl, sleep: async (ms) => void sleeps.push(ms) });
    expect(requests[0]!.apiKey).toBe("k-123");
    expect(requests).toHaveLength(3);
    expect(sleeps[0]).toBeGreaterThan(nvdDelayMs("k-123"));
  });

  it("stores nothing when NVD keeps refusing", async () => {
    const { fetchImpl } = fakeNvd([503, 503, 503]);
    await expect(fetchNvdKevRanges(dir, { fetchImpl, sleep: async () => {} })).rejects.toMatchObject({
      code: "FETCH_FAILED",
    });
    expect(listNvdRanges(dir)).toHaveLength(1);
  });

  it("imports a saved NVD API answer for an offline machine and refuses files that are not NVD data", () => {
    const file = path.join(dir, "nvd-page.json");
    writeFileSync(file, JSON.stringify(fixture.pages[0]));
    const info = importNvdRanges(file, path.join(dir, "kev"));
    expect(info).toMatchObject({ count: 2, retrieved: "2026-12-02" });
    const bad = path.join(dir, "bad.json");
    for (const text of [
      "{",
      JSON.stringify({ vulnerabilities: [{ cve: { id: "x" } }] }),
      JSON.stringify({ cves: 1 }),
    ]) {
      writeFileSync(bad, text);
      expect(() => importNvdRanges(bad, path.join(dir, "kev"))).toThrow(KevError);
    }
    expect(listNvdRanges(path.join(dir, "kev"))).toHaveLength(2);
  });

  it("reads the shipped range file with its source, retrieval date and the NVD notice", () => {
    const shipped = parseNvdRangeText(
      readFileSync(
        path.join(import.meta.dirname, "../../../../shared/data/kev/nvd-kev-configurations.json"),
        "utf8",
      ),
      "shared",
    );
    expect(shipped.retrieved).toBe("2026-12-01");
    expect(Object.keys(shipped.cves)).toHaveLength(186);
    expect(shipped.note).toContain("not endorsed or certified by the NVD");
  });
});
