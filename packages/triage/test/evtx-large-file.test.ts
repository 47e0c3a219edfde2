import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { computeCrc32 } from "../src/evtx/crc32";
import { parseEvtxFile } from "../src/evtx/evtx-file-parser";
import type { EvtxProblem } from "../src/evtx/evtx-types";
import { evtxPath } from "./support/corpus";

const dir = mkdtempSync(path.join(tmpdir(), "sonae-evtx-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("reads chunks beyond 2 GiB (sparse 2.3 GiB file: real chunks at the start and past 2^31)", async () => {
  const source = readFileSync(evtxPath("DeepBlueCLI/new-user-security.evtx")); // 1 chunk, 4 records
  const chunk = source.subarray(4096, 4096 + 65536);
  const chunks = 36_000; // 4096 + 36000 × 64 KiB ≈ 2.36 GB
  const file = path.join(dir, "sparse.evtx");
  const header = Buffer.from(source.subarray(0, 4096));
  header.writeBigUInt64LE(BigInt(chunks - 1), 16);
  header.writeUInt16LE(chunks, 42);
  header.writeUInt32LE(computeCrc32(header, 0, 120), 124);
  const fd = openSync(file, "w");
  writeSync(fd, header, 0, 4096, 0);
  writeSync(fd, chunk, 0, 65536, 4096);
  const lastOffset = 4096 + (chunks - 1) * 65536;
  expect(lastOffset).toBeGreaterThan(2 ** 31);
  writeSync(fd, chunk, 0, 65536, lastOffset); // the gap in between stays sparse (zeros = unused chunks)
  closeSync(fd);
  const problems: EvtxProblem[] = [];
  const offsets: number[] = [];
  for await (const r of parseEvtxFile(file, { onProblem: (p) => problems.push(p) })) offsets.push(r.offset);
  expect(problems).toEqual([]);
  expect(offsets).toHaveLength(8);
  expect(offsets.slice(4).every((o) => o > 2 ** 31)).toBe(true);
}, 60_000);
