import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, open, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../test-support/bundle-fixtures";
import { openBundle } from "../verify/bundle-reader";
import { verifyBundle } from "../verify/verify-bundle";
import { preserveEvidence } from "./preserve-evidence";

// Just over 4 GiB, with real bytes past the 32-bit boundary: the smallest size that needs ZIP64.
const SIZE = 2 ** 32 + 2 ** 26;
const MARK_AT = 2 ** 32 + 1000;
const MARK = Buffer.from("Nov 22 10:00:00 host kernel: marker past 4 GiB\n");

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir("zip64");
});
afterAll(() => temp.cleanup());

/** SHA-256 of a file of SIZE zero bytes with MARK at MARK_AT, computed without the file. */
function expectedSha256(): string {
  const hash = createHash("sha256");
  const zeros = Buffer.alloc(64 * 1024 * 1024);
  let written = 0;
  const feedZeros = (count: number) => {
    while (count > 0) {
      const n = Math.min(count, zeros.length);
      hash.update(zeros.subarray(0, n));
      count -= n;
      written += n;
    }
  };
  feedZeros(MARK_AT);
  hash.update(MARK);
  written += MARK.length;
  feedZeros(SIZE - written);
  return hash.digest("hex");
}

describe("ZIP64", () => {
  it("round-trips a sparse file larger than 4 GiB", async () => {
    const src = path.join(temp.dir, "disk");
    await mkdir(src);
    const image = path.join(src, "disk.img");
    await writeFile(image, "");
    await truncate(image, SIZE); // sparse: no disk blocks used
    const handle = await open(image, "r+");
    await handle.write(MARK, 0, MARK.length, MARK_AT);
    await handle.close();
    const outPath = path.join(temp.dir, "bundle.zip");
    const result = await preserveEvidence({
      paths: [src],
      caseId: "C-64",
      examiner: "e",
      outPath,
      keyDir: path.join(temp.dir, "keys"),
      ntpServer: null,
    });
    const record = result.manifest.files[0];
    expect(record?.size).toBe(SIZE);
    expect(record?.sha256).toBe(expectedSha256());

    const { zip, entries } = await openBundle(outPath);
    const entry = entries.get("files/1/disk/disk.img");
    zip.close();
    expect(entry?.uncompressedSize).toBe(SIZE);
    expect(entry?.extraFields.map((f) => f.id)).toContain(0x0001); // ZIP64 extended information
    expect(entry?.versionNeededToExtract).toBe(45);
    expect(execFileSync("unzip", ["-l", outPath]).toString()).toContain(String(SIZE));

    const report = await verifyBundle(outPath);
    expect(report.failures).toEqual([]);
    expect(report.bytesChecked).toBe(SIZE);
  }, 180_000);
});
