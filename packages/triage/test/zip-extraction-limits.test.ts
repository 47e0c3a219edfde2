import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { collectInputs } from "../src/input/collect-inputs";
import { buildTimeline } from "../src/timeline/build-timeline";
import { LOGS } from "./support/corpus";

/**
 * Bundles built with Python's zipfile (as in triage-command.test.ts). The bomb is 128 MiB of one
 * byte without a newline (~128 KiB compressed, ratio ~1000:1): the shape of the fuzzed 4 GiB case at a size a
 * test can build. Temporary folders go to a private TMPDIR so leftovers can be counted.
 */
const WRITE_ZIP = `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)
with z.open('files/bomb.log', 'w', force_zip64=True) as f:
    block = b'a' * (1 << 20)
    for _ in range(int(sys.argv[2])):
        f.write(block)
z.write(sys.argv[3], 'files/vpn/sshd.log')
z.close()
`;

let dir = "";
let temp = "";
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-zip-test-"));
  temp = path.join(dir, "tmp");
  await writeFile(path.join(dir, "write_zip.py"), WRITE_ZIP);
  execFileSync("mkdir", ["-p", temp]);
  process.env.TMPDIR = temp;
});
afterEach(() => {
  process.env.TMPDIR = temp;
});
afterAll(async () => {
  process.env.TMPDIR = savedTmp;
  await rm(dir, { recursive: true, force: true });
});

function makeZip(name: string, mebibytes: number): string {
  const zip = path.join(dir, name);
  const sshd = `${LOGS}/crowdsec-hub-tests/ssh-bf/ssh-bf.log`;
  execFileSync("python3", [path.join(dir, "write_zip.py"), zip, String(mebibytes), sshd]);
  return zip;
}

describe("bundle extraction limits", () => {
  it("a ZIP bomb entry is refused by its ratio, the other entries are triaged, nothing is left in TMPDIR", async () => {
    const zip = makeZip("bomb.zip", 128);
    const result = await buildTimeline([zip], { countries: null });
    expect(result.problems).toContainEqual({
      source: "bomb.zip:files/bomb.log",
      reason: expect.stringContaining("possible ZIP bomb"),
    });
    expect(result.events.filter((e) => e.user === "pascal")).toHaveLength(1);
    expect(await readdir(temp)).toEqual([]);
  }, 60_000);

  it("size limits per entry and in total become problems, not a full disk", async () => {
    const zip = makeZip("small.zip", 2);
    const perEntry = await collectInputs([zip], { maxEntryBytes: 1024 ** 2, maxRatio: 1e9 });
    expect(perEntry.problems).toEqual([
      {
        source: "small.zip:files/bomb.log",
        reason: expect.stringContaining("exceeds the 1048576-byte limit"),
      },
    ]);
    expect(perEntry.files.map((f) => f.name)).toEqual(["small.zip:files/vpn/sshd.log"]);
    await perEntry.cleanup();
    const total = await collectInputs([zip, zip], { maxTotalBytes: 3 * 1024 ** 2, maxRatio: 1e9 });
    expect(total.problems.map((p) => p.reason)).toEqual([
      expect.stringContaining("total extracted size would exceed"),
    ]);
    expect(total.files).toHaveLength(3);
    await total.cleanup();
    expect(await readdir(temp)).toEqual([]);
  }, 60_000);

  it("temporary files are removed when collecting fails half-way", async () => {
    const good = makeZip("good.zip", 1);
    const broken = path.join(dir, "broken.zip");
    await writeFile(broken, "PK\u0003\u0004 not really a zip");
    await expect(collectInputs([good, broken], { maxRatio: 1e9 })).rejects.toThrow();
    expect(await readdir(temp)).toEqual([]);
  }, 60_000);
});
