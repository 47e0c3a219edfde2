import { execFileSync } from "node:child_process";
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, readAllEntries, SHARED_DATA } from "../test-support/bundle-fixtures";
import { ZipWriter } from "./zip-writer";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir("zipwriter");
});
afterAll(() => temp.cleanup());

const options = { compressionLevel: 1, mtime: new Date("2026-11-22T10:00:00Z"), mode: 0o100644 };

describe("ZipWriter", () => {
  it("writes ZIP64 end records when the central directory starts past 4 GiB", async () => {
    // Start writing 4 GiB into a sparse file: every offset in the archive needs 64 bits.
    const target = path.join(temp.dir, "big-offsets.zip");
    const file = await open(target, "wx");
    const log = await readFile(path.join(SHARED_DATA, "logs/wazuh-ruleset-tests/extracted-lines/sshd.log"));
    const writer = new ZipWriter(file, 2 ** 32 + 17);
    await writer.addBuffer("files/1/sshd.log", log, options);
    await writer.addBuffer("files/1/empty.log", Buffer.alloc(0), { ...options, compressionLevel: 0 });
    const size = await writer.finish();
    await file.close();
    expect(size).toBeGreaterThan(2 ** 32);
    const tail = Buffer.alloc(98);
    const handle = await open(target, "r");
    await handle.read(tail, 0, tail.length, size - tail.length);
    await handle.close();
    expect(tail.readUInt32LE(0)).toBe(0x06064b50); // ZIP64 end of central directory record
    expect(tail.readUInt32LE(56)).toBe(0x07064b50); // ZIP64 locator
    expect(tail.readUInt32LE(76)).toBe(0x06054b50); // classic end record
    expect(tail.readUInt32LE(76 + 16)).toBe(0xffffffff); // its offset field defers to ZIP64
    const entries = await readAllEntries(target);
    expect(entries.map(([n]) => n)).toEqual(["files/1/sshd.log", "files/1/empty.log"]);
    expect(entries[0]?.[1].equals(log)).toBe(true);
    expect(entries[1]?.[1].length).toBe(0);
  });

  it("writes archives Info-ZIP accepts, and rolls back an entry whose source fails", async () => {
    const target = path.join(temp.dir, "rollback.zip");
    const file = await open(target, "wx");
    const writer = new ZipWriter(file);
    await writer.addBuffer("a.log", Buffer.from("first\n"), options);
    const before = writer.position;
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(3 * 1024 * 1024, "x");
      throw new Error("EIO while reading");
    }
    await expect(writer.addStream("broken.log", failing(), { ...options, zip64: false })).rejects.toThrow(
      "EIO",
    );
    expect(writer.position).toBe(before);
    await writer.addBuffer("b.log", Buffer.from("second\n"), options);
    await writer.finish();
    await file.close();
    expect(execFileSync("unzip", ["-t", target]).toString()).toContain("No errors detected");
    expect((await readAllEntries(target)).map(([n]) => n)).toEqual(["a.log", "b.log"]);
  });
});
