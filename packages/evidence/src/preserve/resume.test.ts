import { stat, truncate } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempDir, SHARED_DATA } from "../test-support/bundle-fixtures";
import { verifyBundle } from "../verify/verify-bundle";
import { type PreserveOptions, preserveEvidence } from "./preserve-evidence";
import { readJournal } from "./preserve-journal";

const EVTX_DIR = path.join(SHARED_DATA, "evtx/DeepBlueCLI");
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let options: PreserveOptions;

beforeEach(async () => {
  temp = await makeTempDir("resume");
  options = {
    paths: [EVTX_DIR],
    caseId: "C-7",
    examiner: "examiner",
    outPath: path.join(temp.dir, "bundle.zip"),
    keyDir: path.join(temp.dir, "keys"),
    ntpServer: null,
  };
});
afterEach(() => temp.cleanup());

async function interruptWhen(stop: (p: { filesDone: number; bytesDone: number }) => boolean): Promise<void> {
  const controller = new AbortController();
  await expect(
    preserveEvidence({
      ...options,
      signal: controller.signal,
      onProgress: (p) => stop(p) && controller.abort(),
    }),
  ).rejects.toMatchObject({ code: "INTERRUPTED" });
  await expect(stat(options.outPath)).rejects.toThrow();
}

async function journaledEnd(): Promise<number> {
  const lines = (await readJournal(`${options.outPath}.journal`)) ?? [];
  const files = lines.filter((l) => l.type === "file");
  return files.at(-1)?.type === "file" ? (files.at(-1) as { endOffset: number }).endOffset : 0;
}

describe("interrupt and resume", () => {
  it("resumes after files were completed and produces a bundle that verifies", async () => {
    await interruptWhen((p) => p.filesDone === 3);
    await expect(preserveEvidence(options)).rejects.toMatchObject({ code: "PREVIOUS_RUN_EXISTS" });
    await expect(preserveEvidence({ ...options, resume: true, caseId: "other" })).rejects.toMatchObject({
      code: "RESUME_MISMATCH",
    });
    const result = await preserveEvidence({ ...options, resume: true });
    expect(result.resumedFiles).toBe(3);
    expect(result.manifest.resumedAt).toHaveLength(1);
    const report = await verifyBundle(options.outPath);
    expect(report.failures).toEqual([]);
    expect(report.custody?.map((e) => e.action)).toEqual([
      "preservation.started",
      "preservation.resumed",
      "preservation.completed",
    ]);
    expect(report.filesChecked).toBe(24);
    await expect(stat(`${options.outPath}.journal`)).rejects.toThrow();
  });

  it("discards a half-written entry when interrupted in the middle of a file", async () => {
    await interruptWhen((p) => p.bytesDone > 5 * 1024 * 1024);
    const partialSize = (await stat(`${options.outPath}.partial`)).size;
    expect(partialSize).toBeGreaterThan(await journaledEnd());
    const result = await preserveEvidence({ ...options, resume: true });
    expect(result.resumedFiles).toBeGreaterThan(0);
    expect((await verifyBundle(options.outPath)).failures).toEqual([]);
  });

  it("re-reads journaled entries whose bytes did not reach the disk (torn tail)", async () => {
    await interruptWhen((p) => p.filesDone === 4);
    // Simulate a power cut: the journal line was written but the last entry's tail was lost.
    await truncate(`${options.outPath}.partial`, (await journaledEnd()) - 10);
    const result = await preserveEvidence({ ...options, resume: true });
    expect(result.resumedFiles).toBe(3);
    expect((await verifyBundle(options.outPath)).failures).toEqual([]);
  });

  it("says there is nothing to resume when no run was interrupted", async () => {
    await expect(preserveEvidence({ ...options, resume: true })).rejects.toMatchObject({
      code: "NOTHING_TO_RESUME",
    });
  });
});
