import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type DbHandle, organisations } from "@sonae/db";
import { checkZipStructure, openBundle, readEntryBytes, ZipWriter } from "@sonae/evidence";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackupArchive } from "./backup-archive";
import { restoreBackup } from "./restore-archive";

const tmp = await mkdtemp(path.join(tmpdir(), "sonae-restore-structure-"));
let archive: string;
let rebuilt = 0;
let target: DbHandle;
const targetDir = path.join(tmp, "target");

beforeAll(async () => {
  const source = await createDb({ dataDir: path.join(tmp, "source") });
  await source.db
    .insert(organisations)
    .values({ name: "株式会社構造", prefectureCode: "13", industryCode: "E", capitalYen: 10_000_000 });
  archive = path.join(tmp, "small.zip");
  await writeBackupArchive(source, archive, { dataDir: path.join(tmp, "source") });
  await source.close();
  target = await createDb({ dataDir: targetDir });
}, 120_000);
afterAll(async () => {
  await target.close();
  await rm(tmp, { recursive: true, force: true });
});

async function organisationCount(): Promise<number> {
  const result = (await target.db.execute(sql.raw("SELECT count(*) AS n FROM organisations"))) as unknown as {
    rows: { n: number | string }[];
  };
  return Number(result.rows[0]?.n);
}

/** Offsets of every byte that is ZIP structure (headers, descriptors, directory, end records). */
async function structureOffsets(zipPath: string): Promise<number[]> {
  const { entries, problems } = await checkZipStructure(zipPath);
  expect(problems).toEqual([]);
  const data = new Set<number>();
  for (const e of entries) {
    const start = e.localHeaderOffset + 30 + Buffer.byteLength(e.name) + (e.zip64 ? 20 : 0);
    for (let i = start; i < start + e.compressedSize; i++) data.add(i);
  }
  const size = (await readFile(zipPath)).length;
  return Array.from({ length: size }, (_, i) => i).filter((i) => !data.has(i));
}

/** Rebuilds the archive with Sonae's writer, entries and modes as written, one entry's bytes replaced. */
async function rebuildWith(name: string, replace: (bytes: Buffer) => Buffer): Promise<string> {
  const { zip, entries } = await openBundle(archive);
  const target = path.join(tmp, `rebuilt-${rebuilt++}.zip`);
  const file = await open(target, "wx");
  try {
    const writer = new ZipWriter(file);
    for (const [entryName, entry] of entries) {
      const bytes = await readEntryBytes(zip, entry);
      const data = entryName === name ? replace(bytes) : bytes;
      async function* once() {
        yield data;
      }
      await writer.addStream(entryName, once(), {
        compressionLevel: entry.compressionMethod === 8 ? 6 : 0,
        mtime: new Date(),
        mode: entry.externalFileAttributes >>> 16,
        zip64: entryName === "database.jsonl.gz",
      });
    }
    await writer.finish();
  } finally {
    zip.close();
    await file.close();
  }
  return target;
}

describe("sonae restore checks the archive it is given", () => {
  it("a faithful rebuild restores (so the refusals below are about the change, not the rebuild)", async () => {
    const other = await createDb({ dataDir: path.join(tmp, "faithful") });
    try {
      const rebuilt = await rebuildWith("none", (b) => b);
      await expect(
        restoreBackup(other, rebuilt, { dataDir: path.join(tmp, "faithful") }),
      ).resolves.toMatchObject({
        kind: "archive",
      });
    } finally {
      await other.close();
    }
  });

  it("refuses every single-bit flip of every structure byte of a small backup, restoring nothing", async () => {
    const original = await readFile(archive);
    const offsets = await structureOffsets(archive);
    expect(offsets.length).toBeGreaterThan(300);
    const flipped = path.join(tmp, "flipped.zip");
    const accepted: string[] = [];
    for (const offset of offsets) {
      for (const bit of [0x01, 0x80]) {
        const copy = Buffer.from(original);
        copy[offset] = (copy[offset] ?? 0) ^ bit;
        await writeFile(flipped, copy);
        const error = await restoreBackup(target, flipped, { dataDir: targetDir }).then(
          () => undefined,
          (e: unknown) => e as { code?: string; message?: string },
        );
        if (!error || !["VALIDATION", "EVIDENCE_INTEGRITY"].includes(error.code ?? "")) {
          accepted.push(`${offset}^${bit}: ${error?.message ?? "restored"}`);
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(await organisationCount()).toBe(0);
  }, 240_000);

  it("refuses an altered manifest.json text and says so", async () => {
    const spaced = await rebuildWith("manifest.json", (b) =>
      Buffer.from(b.toString().replace('"backend"', ' "backend"')),
    );
    await expect(restoreBackup(target, spaced, { dataDir: targetDir })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("manifest.json differs from what sonae backup writes"),
    });
    const redated = await rebuildWith("manifest.json", (b) =>
      Buffer.from(
        b.toString().replace(/"createdAt": "(\d{4})/, (_, y: string) => `"createdAt": "${Number(y) - 1}`),
      ),
    );
    await expect(restoreBackup(target, redated, { dataDir: targetDir })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await organisationCount()).toBe(0);
  });

  it("refuses a backup whose SHA256SUMS does not inflate, naming it, though the dump is intact", async () => {
    const { entries } = await checkZipStructure(archive);
    const sums = entries.find((e) => e.name === "SHA256SUMS");
    if (!sums) throw new Error("no SHA256SUMS");
    const copy = Buffer.from(await readFile(archive));
    const at = sums.localHeaderOffset + 30 + "SHA256SUMS".length + 1;
    copy[at] = (copy[at] ?? 0) ^ 0xff;
    const broken = path.join(tmp, "sums.zip");
    await writeFile(broken, copy);
    await expect(restoreBackup(target, broken, { dataDir: targetDir })).rejects.toMatchObject({
      message: expect.stringContaining("SHA256SUMS"),
    });
    expect(await organisationCount()).toBe(0);
  });
});
