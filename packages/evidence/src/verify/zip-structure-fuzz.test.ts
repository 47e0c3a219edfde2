import { copyFile, mkdir, open, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preserveEvidence } from "../preserve/preserve-evidence";
import { makeTempDir, writeEntriesWithYazl } from "../test-support/bundle-fixtures";
import { buildDataDescriptor, buildLocalHeader } from "../zip/zip-records";
import { checkZipStructure } from "../zip/zip-structure";
import { verifyBundle } from "./verify-bundle";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let bundle: string;

beforeAll(async () => {
  temp = await makeTempDir("zip-fuzz");
  const source = path.join(temp.dir, "source");
  await mkdir(source);
  await writeFile(
    path.join(source, "auth.log"),
    "Dec  1 10:00:00 host sshd[1]: Failed password for root\n".repeat(20),
  );
  await writeFile(path.join(source, "empty.log"), "");
  bundle = path.join(temp.dir, "small.zip");
  await preserveEvidence({
    paths: [source],
    caseId: "C-F",
    examiner: "x",
    outPath: bundle,
    keyDir: path.join(temp.dir, "keys"),
    ntpServer: null,
  });
});
afterAll(() => temp.cleanup());

/** Every byte offset of the container that is not compressed entry data. */
export async function structureOffsets(zipPath: string): Promise<number[]> {
  const { entries, problems } = await checkZipStructure(zipPath);
  expect(problems).toEqual([]);
  const offsets: number[] = [];
  const range = (from: number, to: number) => {
    for (let i = from; i < to; i++) offsets.push(i);
  };
  for (const entry of entries) {
    const local = buildLocalHeader(entry).length;
    range(entry.localHeaderOffset, entry.localHeaderOffset + local);
    const descriptor = entry.localHeaderOffset + local + entry.compressedSize;
    range(descriptor, descriptor + buildDataDescriptor(entry).length);
  }
  const last = entries.at(-1);
  const cdOffset = last
    ? last.localHeaderOffset +
      buildLocalHeader(last).length +
      last.compressedSize +
      buildDataDescriptor(last).length
    : 0;
  range(cdOffset, (await stat(zipPath)).size);
  return offsets;
}

describe("ZIP structure of a bundle", () => {
  it("flipping any single bit of any structure byte (headers, descriptors, directory, end) is never accepted", async () => {
    const original = await readFile(bundle);
    const offsets = await structureOffsets(bundle);
    expect(offsets.length).toBeGreaterThan(1000);
    const target = path.join(temp.dir, "flipped.zip");
    const accepted: string[] = [];
    for (const offset of offsets) {
      for (const bit of [0x01, 0x80]) {
        const copy = Buffer.from(original);
        copy[offset] = (copy[offset] ?? 0) ^ bit;
        await writeFile(target, copy);
        const report = await verifyBundle(target);
        if (report.ok) accepted.push(`${offset}^${bit}`);
        else if (!report.failures[0]?.message.ja || !report.failures[0]?.message.en)
          accepted.push(`${offset} unexplained`);
      }
    }
    expect(accepted).toEqual([]);
  }, 240_000);

  it("says what is wrong: trailing data, a changed compression method, disagreeing names, a wrong CRC", async () => {
    const { entries } = await checkZipStructure(bundle);
    const first = entries[0];
    if (!first) throw new Error("no entry");
    const variant = async (name: string, change: (b: Buffer) => void) => {
      const copy = Buffer.from(await readFile(bundle));
      change(copy);
      const file = path.join(temp.dir, name);
      await writeFile(file, copy);
      return (await verifyBundle(file)).failures[0];
    };
    const trailing = path.join(temp.dir, "trailing.zip");
    await copyFile(bundle, trailing);
    const handle = await open(trailing, "a");
    await handle.write("extra");
    await handle.close();
    expect((await verifyBundle(trailing)).failures[0]?.code).toBe("ZIP_TRAILING_DATA");
    const method = await variant("method.zip", (b) => b.writeUInt16LE(0, first.localHeaderOffset + 8));
    expect(method?.code).toBe("ZIP_LOCAL_HEADER");
    expect(method?.message.en).toContain("compression method");
    const name = await variant("name.zip", (b) => {
      b[first.localHeaderOffset + 31] = 0x58;
    });
    expect(name?.message.en).toContain("file name");
    const crcAt = first.localHeaderOffset + buildLocalHeader(first).length + first.compressedSize + 4;
    const crc = await variant("crc.zip", (b) => {
      b[crcAt] = (b[crcAt] ?? 0) ^ 1;
    });
    expect(crc?.code).toBe("ZIP_DATA_DESCRIPTOR");
    expect(crc?.message.en).toContain("CRC-32");
  });

  it("refuses a ZIP with the same contents written by another tool, naming the first difference", async () => {
    const other = path.join(temp.dir, "yazl.zip");
    await writeEntriesWithYazl(other, [["manifest.json", Buffer.from("{}")]]);
    const report = await verifyBundle(other);
    expect(report.ok).toBe(false);
    expect(report.failures[0]?.code).toMatch(/^ZIP_/);
  });
});
