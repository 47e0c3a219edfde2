import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEvtxFile } from "../src/evtx/evtx-file-parser";
import type { EvtxProblem } from "../src/evtx/evtx-types";
import { evtxPath } from "./support/corpus";

/** Hostile input must never hang or crash the parser (truncation, corruption, fuzzing). */
const dir = mkdtempSync(path.join(tmpdir(), "sonae-evtx-robust-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = evtxPath("DeepBlueCLI/many-events-application.evtx"); // 2216 records in 33 chunks
const original = readFileSync(SOURCE);

async function parse(buf: Buffer, name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, buf);
  const problems: EvtxProblem[] = [];
  const ids: number[] = [];
  for await (const r of parseEvtxFile(file, { onProblem: (p) => problems.push(p), chunkTimeoutMs: 1000 }))
    ids.push(r.recordId);
  return { ids, problems };
}

/** Deterministic PRNG (mulberry32) so that a failing fuzz case can be reproduced. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("EVTX parser on damaged input", () => {
  it("reads the intact file completely with no problems", async () => {
    const { ids, problems } = await parse(original, "intact.evtx");
    expect(ids).toHaveLength(2216);
    expect(problems).toEqual([]);
  });

  it("keeps the records before a truncation and reports the cut chunk", async () => {
    const cut = 4096 + 65536 * 3 + 30_000; // in the middle of chunk 3
    const { ids, problems } = await parse(original.subarray(0, cut), "truncated.evtx");
    const full = await parse(original, "intact2.evtx");
    expect(ids.length).toBeGreaterThan(150);
    expect(ids).toEqual(full.ids.slice(0, ids.length));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.offset >= 4096 + 65536 * 3)).toBe(true);
  });

  it("reports a destroyed record with its offset and recovers the records after it", async () => {
    const buf = Buffer.from(original);
    const chunk = 4096 + 65536; // chunk 1
    const firstRecord = chunk + 512;
    const size = buf.readUInt32LE(firstRecord + 4);
    buf.fill(0x41, firstRecord + 24, firstRecord + size - 4); // BinXML of the first record overwritten
    const { ids, problems } = await parse(buf, "bad-record.evtx");
    const recordProblem = problems.find((p) => p.kind === "record");
    expect(recordProblem?.offset).toBe(firstRecord);
    expect(recordProblem?.reason).toMatch(/BinXML/);
    // Later records of that chunk may use templates defined inside the destroyed record: each
    // one is reported, none disappears silently.
    const recordProblems = problems.filter((p) => p.kind === "record");
    expect(ids.length + recordProblems.length).toBe(2216);
    expect(ids.length).toBeGreaterThan(2100);
    expect(problems.some((p) => p.kind === "chunk-checksum")).toBe(true);
  });

  it("rejects a file that is not EVTX with a clear error", async () => {
    const file = path.join(dir, "not.evtx");
    copyFileSync(path.join(import.meta.dirname, "evtx-robustness.test.ts"), file);
    await expect(async () => {
      for await (const _ of parseEvtxFile(file)) {
        /* drain */
      }
    }).rejects.toThrow(/not an EVTX file/);
  });

  it("survives 150 fuzzed files without hanging or throwing", async () => {
    const small = readFileSync(evtxPath("DeepBlueCLI/new-user-security.evtx"));
    const rand = prng(20260822);
    let problemsSeen = 0;
    for (let i = 0; i < 150; i++) {
      const buf = Buffer.from(small);
      const flips = 1 + Math.floor(rand() * 64);
      for (let f = 0; f < flips; f++) {
        // Mutate the records area of chunk 0 (the BinXML), where parsers break.
        const at = 4096 + 512 + Math.floor(rand() * 6000);
        buf[at] = Math.floor(rand() * 256);
      }
      const started = Date.now();
      const { problems } = await parse(buf, `fuzz-${i}.evtx`);
      expect(Date.now() - started).toBeLessThan(2000);
      problemsSeen += problems.length;
    }
    expect(problemsSeen).toBeGreaterThan(0);
  });
});
