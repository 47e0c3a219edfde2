import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createDb,
  type DbHandle,
  dumpDatabase,
  evidenceBundles,
  evidenceTriageRuns,
  incidents,
  organisations,
} from "@sonae/db";
import { createScratchPostgresDatabase } from "@sonae/db/testing";
import { createEvidenceVault, openBundle, preserveEvidence } from "@sonae/evidence";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackupArchive } from "./backup-archive";
import { bundleEntryName } from "./backup-manifest";
import { restoreBackup } from "./restore-archive";

type Target = { handle: DbHandle; dataDir: string; cleanup(): Promise<void> };
type Backend = { name: string; open(dataDir: string): Promise<Target> };

const backends: Backend[] = [
  {
    name: "pglite",
    open: async (dataDir) => ({
      handle: await createDb({ dataDir }),
      dataDir,
      cleanup: async () => {},
    }),
  },
];
if (process.env.TEST_DATABASE_URL) {
  backends.push({
    name: "postgres",
    open: async (dataDir) => {
      const scratch = await createScratchPostgresDatabase();
      return { handle: await createDb({ databaseUrl: scratch.url }), dataDir, cleanup: scratch.drop };
    },
  });
}

const tmp = await mkdtemp(path.join(tmpdir(), "sonae-backup-"));
afterAll(() => rm(tmp, { recursive: true, force: true }));

let bundles: Promise<string[]> | undefined;
/** Two different signed bundles, as `sonae preserve` makes them on an affected machine (made once). */
function makeBundles(): Promise<string[]> {
  bundles ??= preserveTwoBundles();
  return bundles;
}

async function preserveTwoBundles(): Promise<string[]> {
  const out: string[] = [];
  for (const name of ["a", "b"]) {
    const source = path.join(tmp, `source-${name}`);
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, "auth.log"), `${name}: Failed password for root\n`.repeat(5000));
    await writeFile(path.join(source, "noise.bin"), randomBytes(200_000));
    const bundle = path.join(tmp, `bundle-${name}.zip`);
    await preserveEvidence({
      paths: [source],
      caseId: `C-${name}`,
      examiner: "佐藤",
      outPath: bundle,
      keyDir: path.join(tmp, "keys"),
      ntpServer: null,
    });
    out.push(bundle);
  }
  return out;
}

/** An organisation with an incident, two uploaded bundles in its vault and one finished triage run. */
async function seed(target: Target, bundles: string[]) {
  const vault = createEvidenceVault({ rootDir: path.join(target.dataDir, "evidence") });
  const [org] = await target.handle.db
    .insert(organisations)
    .values({ name: "株式会社バックアップ", prefectureCode: "13", industryCode: "E", capitalYen: 10_000_000 })
    .returning();
  const [incident] = await target.handle.db
    .insert(incidents)
    .values({ organisationId: org!.id, reference: "INC-2026-0001", title: "ランサムウェア" })
    .returning();
  const stored = [];
  for (const bundle of bundles) {
    const s = await vault.storeBundle((await open(bundle)).createReadStream());
    const [row] = await target.handle.db
      .insert(evidenceBundles)
      .values({
        organisationId: org!.id,
        incidentId: incident!.id,
        sha256: s.sha256,
        sizeBytes: s.size,
        fileName: path.basename(bundle),
        caseId: "C",
        examiner: "佐藤",
        signerFingerprint: "x",
        bundleCustodyHeadHash: s.custodyHeadHash,
        verification: { ok: true },
        manifest: {},
      })
      .returning();
    stored.push({ sha256: s.sha256, id: row!.id });
  }
  const [run] = await target.handle.db
    .insert(evidenceTriageRuns)
    .values({ organisationId: org!.id, incidentId: incident!.id, bundleId: stored[0]!.id, status: "done" })
    .returning();
  const events = path.join(target.dataDir, "evidence", "triage", `${run!.id}.jsonl`);
  await mkdir(path.dirname(events), { recursive: true });
  await writeFile(events, '{"time":"2026-11-01T00:00:00Z","id":"e1"}\n'.repeat(1000));
  return { stored, runId: run!.id };
}

/** Every file (not folder) under `dir`, relative. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function countRows(handle: DbHandle, table: string): Promise<number> {
  const result = (await handle.db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`))) as unknown as {
    rows: { n: number | string }[];
  };
  return Number(result.rows[0]?.n);
}

/** Flips one byte inside an entry's data, as damage or tampering would. */
async function flipByteIn(archive: string, entryName: string): Promise<void> {
  const { zip, entries } = await openBundle(archive);
  const entry = entries.get(entryName)!;
  zip.close();
  const file = await open(archive, "r+");
  try {
    const header = Buffer.alloc(30);
    await file.read(header, 0, 30, entry.relativeOffsetOfLocalHeader);
    const dataStart =
      entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, dataStart + 1000);
    byte[0] = (byte[0] ?? 0) ^ 0xff;
    await file.write(byte, 0, 1, dataStart + 1000);
  } finally {
    await file.close();
  }
}

describe.each(backends)("complete backup (database + evidence vault) on $name", (backend) => {
  let source: Target;
  let seeded: Awaited<ReturnType<typeof seed>>;
  let archive: string;
  const dir = (name: string) => path.join(tmp, `${backend.name}-${name}`);

  beforeAll(async () => {
    source = await backend.open(dir("source"));
    seeded = await seed(source, await makeBundles());
    archive = dir("backup.zip");
    const summary = await writeBackupArchive(source.handle, archive, { dataDir: source.dataDir });
    expect(summary).toMatchObject({ evidenceBundles: 2, triageRuns: 1 });
  }, 120_000);
  afterAll(async () => {
    await source.handle.close();
    await source.cleanup();
  });

  it("restores rows and vault into an empty data folder, and the evidence downloads verify", async () => {
    const target = await backend.open(dir("restored"));
    try {
      const summary = await restoreBackup(target.handle, archive, { dataDir: target.dataDir });
      expect(summary).toMatchObject({ kind: "archive", evidenceFiles: 3, missingEvidence: [] });
      expect(await countRows(target.handle, "evidence_bundles")).toBe(2);
      const vault = createEvidenceVault({ rootDir: path.join(target.dataDir, "evidence") });
      for (const { sha256 } of seeded.stored) {
        const download = await vault.openVerified(sha256);
        const chunks: Buffer[] = [];
        for await (const chunk of download.stream) chunks.push(chunk as Buffer);
        expect(Buffer.concat(chunks).length).toBe(download.size);
        expect((await vault.verifyStored(sha256)).ok).toBe(true);
      }
      const events = path.join("evidence", "triage", `${seeded.runId}.jsonl`);
      expect(await readFile(path.join(target.dataDir, events))).toEqual(
        await readFile(path.join(source.dataDir, events)),
      );
      // Nothing is left over from the restore itself (temp folder).
      expect((await listFiles(path.join(target.dataDir, "evidence"))).sort()).toEqual(
        [
          ...seeded.stored.map((s) => bundleEntryName(s.sha256).slice("evidence/".length)),
          events.slice(9),
        ].sort(),
      );
    } finally {
      await target.handle.close();
      await target.cleanup();
    }
  });

  it("refuses a tampered vault file, naming it, and leaves an empty database and no files", async () => {
    const tampered = dir("tampered.zip");
    await writeFile(tampered, await readFile(archive));
    const entry = bundleEntryName(seeded.stored[1]!.sha256);
    await flipByteIn(tampered, entry);
    const target = await backend.open(dir("after-tamper"));
    try {
      const error = await restoreBackup(target.handle, tampered, { dataDir: target.dataDir }).catch((e) => e);
      expect(error).toMatchObject({ code: "EVIDENCE_INTEGRITY" });
      expect(error.message).toContain(entry);
      expect(error.message).toContain("tampered.zip");
      expect(await countRows(target.handle, "organisations")).toBe(0);
      expect(await countRows(target.handle, "evidence_bundles")).toBe(0);
      expect(await listFiles(path.join(target.dataDir, "evidence"))).toEqual([]);
    } finally {
      await target.handle.close();
      await target.cleanup();
    }
  });

  it("takes placed vault files back when the restore fails just before the commit", async () => {
    const target = await backend.open(dir("fail-late"));
    // A plain file where the triage folder must go: the bundles are linked first, then placing the
    // events file fails inside the restore transaction.
    await mkdir(path.join(target.dataDir, "evidence"), { recursive: true });
    await writeFile(path.join(target.dataDir, "evidence", "triage"), "in the way");
    try {
      await expect(restoreBackup(target.handle, archive, { dataDir: target.dataDir })).rejects.toMatchObject({
        code: "EEXIST",
      });
      expect(await countRows(target.handle, "organisations")).toBe(0);
      expect(await countRows(target.handle, "evidence_bundles")).toBe(0);
      expect(await listFiles(path.join(target.dataDir, "evidence"))).toEqual(["triage"]);
    } finally {
      await target.handle.close();
      await target.cleanup();
    }
  });

  it("refuses a truncated backup, naming the file, and restores nothing", async () => {
    const cut = dir("cut.zip");
    const bytes = await readFile(archive);
    await writeFile(cut, bytes.subarray(0, bytes.length - 200));
    const target = await backend.open(dir("after-cut"));
    try {
      await expect(restoreBackup(target.handle, cut, { dataDir: target.dataDir })).rejects.toMatchObject({
        code: "VALIDATION",
        message: expect.stringMatching(/cut\.zip is truncated or damaged/),
      });
      expect(await countRows(target.handle, "organisations")).toBe(0);
      expect(await listFiles(path.join(target.dataDir, "evidence"))).toEqual([]);
    } finally {
      await target.handle.close();
      await target.cleanup();
    }
  });

  it("still restores an old database-only backup and reports the vault files it lacks", async () => {
    const old = dir("old.jsonl.gz");
    await dumpDatabase(source.handle, old);
    const target = await backend.open(dir("from-old"));
    try {
      const summary = await restoreBackup(target.handle, old, { dataDir: target.dataDir });
      expect(summary.kind).toBe("database-only");
      expect(await countRows(target.handle, "evidence_bundles")).toBe(2);
      expect(summary.missingEvidence).toHaveLength(3);
    } finally {
      await target.handle.close();
      await target.cleanup();
    }
  });
});

describe("backup of a damaged vault", () => {
  it("stops when a referenced vault file is missing, and leaves no partial archive", async () => {
    const dataDir = path.join(tmp, "damaged");
    const target: Target = { handle: await createDb({ dataDir }), dataDir, cleanup: async () => {} };
    try {
      const { stored } = await seed(target, await makeBundles());
      const missing = path.join(dataDir, bundleEntryName(stored[0]!.sha256));
      await rm(missing, { force: true });
      const archive = path.join(tmp, "damaged.zip");
      await expect(writeBackupArchive(target.handle, archive, { dataDir })).rejects.toMatchObject({
        code: "EVIDENCE_INTEGRITY",
        message: expect.stringContaining(missing),
      });
      expect((await readdir(tmp)).filter((f) => f.startsWith("damaged.zip"))).toEqual([]);
    } finally {
      await target.handle.close();
    }
  });
});
