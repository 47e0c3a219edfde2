import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile, utimes } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../manifest/manifest-types";
import { makeTempDir, readAllEntries, SHARED_DATA } from "../test-support/bundle-fixtures";
import { verifyBundle } from "../verify/verify-bundle";
import { type PreserveResult, preserveEvidence } from "./preserve-evidence";

const EVTX_DIR = path.join(SHARED_DATA, "evtx/DeepBlueCLI");
const LOGS_DIR = path.join(SHARED_DATA, "logs/crowdsec-hub-tests");

/** sha256 of each DeepBlueCLI sample as published in evtx-index.csv (computed independently). */
function readIndexedHashes(): Map<string, string> {
  const lines = readFileSync(path.join(SHARED_DATA, "evtx/evtx-index.csv"), "utf8").split("\n");
  const map = new Map<string, string>();
  for (const line of lines) {
    const [source, file, , sha256] = line.split(",");
    if (source === "DeepBlueCLI" && file && sha256) map.set(path.basename(file), sha256);
  }
  return map;
}

describe("preserveEvidence on real logs and EVTX", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let result: PreserveResult;
  let bundle: string;

  beforeAll(async () => {
    temp = await makeTempDir("preserve");
    bundle = path.join(temp.dir, "bundle.zip");
    result = await preserveEvidence({
      paths: [path.join(SHARED_DATA, "evtx/SOURCE.md"), EVTX_DIR, LOGS_DIR],
      caseId: "2026-神奈川-0042",
      examiner: "山田 太郎",
      outPath: bundle,
      keyDir: path.join(temp.dir, "keys"),
      extraHashes: ["sha1", "md5"],
      ntpServer: null,
    });
  });
  afterAll(() => temp.cleanup());

  it("records every file with the SHA-256 published in evtx-index.csv", () => {
    const indexed = readIndexedHashes();
    const evtx = result.manifest.files.filter(
      (f) => f.entryName.startsWith("files/2/DeepBlueCLI/") && f.entryName.endsWith(".evtx"),
    );
    expect(evtx.length).toBe(readIndexedHashes().size);
    for (const file of evtx) {
      expect(file.sha256, file.entryName).toBe(indexed.get(path.basename(file.sourcePath)));
    }
  });

  it("records SHA-1 and MD5 that match sha1sum/md5sum-equivalent digests of the source", () => {
    const file = result.manifest.files.find((f) => f.entryName.endsWith("many-events-application.evtx"));
    const expectedMd5 = execFileSync("md5sum", [path.join(EVTX_DIR, "many-events-application.evtx")])
      .toString()
      .slice(0, 32);
    expect(file?.md5).toBe(expectedMd5);
    expect(file?.sha1).toMatch(/^[0-9a-f]{40}$/);
  });

  it("puts logs first, records times with nanoseconds and the collector", () => {
    const order = result.manifest.files.map((f) => f.entryName);
    // The first input (a plain README) must come after every log, although it was named first.
    const readme = order.indexOf("files/1/SOURCE.md");
    const lastEvtx = order.findLastIndex((n) => n.endsWith(".evtx"));
    expect(readme).toBeGreaterThan(lastEvtx);
    expect(order.indexOf("files/2/DeepBlueCLI/LICENSE-GPL-3.0.txt")).toBeGreaterThan(lastEvtx);
    const f = result.manifest.files[0];
    expect(f?.mtime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(result.manifest.collector.hostname.length).toBeGreaterThan(0);
    expect(result.manifest.collector.clock).toEqual({ skipped: true });
    expect(result.manifest.totals.problems).toBe(0);
  });

  it("verifies, and leaves no partial or journal behind", async () => {
    const report = await verifyBundle(bundle);
    expect(report.failures).toEqual([]);
    expect(report.filesChecked).toBe(result.manifest.files.length);
    expect(() => statSync(`${bundle}.partial`)).toThrow();
    expect(() => statSync(`${bundle}.journal`)).toThrow();
  });

  it("unzips with Info-ZIP and passes `sha256sum -c SHA256SUMS`", async () => {
    const out = path.join(temp.dir, "extracted");
    execFileSync("unzip", ["-q", bundle, "-d", out]);
    const check = execFileSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: out }).toString();
    const okLines = check.split("\n").filter((l) => l.endsWith(": OK"));
    expect(okLines.length).toBe(result.manifest.files.length + 6);
    const manifest = JSON.parse(await readFile(path.join(out, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.case.examiner).toBe("山田 太郎");
  });

  it("writes an Excel-safe CSV (BOM, quoted cells)", async () => {
    const csv = (await readAllEntries(bundle)).find(([n]) => n === "manifest.csv")?.[1];
    expect(csv?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv?.toString("utf8")).toContain('"collected","files/2/DeepBlueCLI/');
  });

  it("refuses to overwrite an existing bundle", async () => {
    await expect(
      preserveEvidence({
        paths: [LOGS_DIR],
        caseId: "c",
        examiner: "e",
        outPath: bundle,
        keyDir: path.join(temp.dir, "keys"),
        ntpServer: null,
      }),
    ).rejects.toMatchObject({ code: "OUTPUT_EXISTS" });
  });
});

describe("preserveEvidence leaves the sources untouched", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  afterAll(() => temp.cleanup());

  // Private copies: the shared samples are read by other test files at the same time, which
  // moves their access times independently of this test. The times are set so that the
  // mount's `relatime` rule (atime older than 24 h) WOULD update atime on an ordinary read.
  it("keeps mtime and atime of every source as they were", async () => {
    temp = await makeTempDir("untouched");
    const sources = path.join(temp.dir, "sources");
    await mkdir(sources);
    const mtime = new Date(Date.now() - 3 * 86_400_000);
    const atime = new Date(Date.now() - 2 * 86_400_000);
    const names = ["many-events-application.evtx", "disablestop-eventlog.evtx"];
    for (const name of names) {
      await copyFile(path.join(EVTX_DIR, name), path.join(sources, name));
      await utimes(path.join(sources, name), atime, mtime);
    }
    const before = new Map(names.map((n) => [n, statSync(path.join(sources, n), { bigint: true })]));

    await preserveEvidence({
      paths: [sources],
      caseId: "atime",
      examiner: "e",
      outPath: path.join(temp.dir, "bundle.zip"),
      keyDir: path.join(temp.dir, "keys"),
      ntpServer: null,
    });

    for (const name of names) {
      const after = statSync(path.join(sources, name), { bigint: true });
      expect(after.mtimeNs, name).toBe(before.get(name)?.mtimeNs);
      expect(after.atimeNs, name).toBe(before.get(name)?.atimeNs);
    }
  });
});
