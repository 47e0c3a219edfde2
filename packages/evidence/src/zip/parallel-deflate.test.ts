import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SHARED_DATA } from "../test-support/bundle-fixtures";
import { deflateInParallel } from "./parallel-deflate";

async function compress(blocks: Buffer[], parallelism: number): Promise<Buffer> {
  async function* source(): AsyncGenerator<Buffer> {
    yield* blocks;
  }
  const out: Buffer[] = [];
  for await (const chunk of deflateInParallel(source(), 1, parallelism)) out.push(chunk);
  return Buffer.concat(out);
}

describe("parallel deflate", () => {
  const evtx = readFileSync(path.join(SHARED_DATA, "evtx/DeepBlueCLI/many-events-application.evtx"));
  const blocks = Array.from({ length: Math.ceil(evtx.length / 65536) }, (_, i) =>
    evtx.subarray(i * 65536, (i + 1) * 65536),
  );

  it("produces one valid deflate stream, in order, whatever the parallelism", async () => {
    for (const parallelism of [1, 2, 5]) {
      expect(inflateRawSync(await compress(blocks, parallelism)).equals(evtx)).toBe(true);
    }
  });

  it("keeps the ratio of a single stream by carrying the 32 KiB window over", async () => {
    const parallel = await compress(blocks, 3);
    const withoutDictionary = Buffer.concat(await Promise.all(blocks.map((b) => compress([b], 1))));
    expect(parallel.length).toBeLessThan(withoutDictionary.length);
  });

  it("carries the window across blocks shorter than 32 KiB", async () => {
    const small = Array.from({ length: Math.ceil(evtx.length / 5000) }, (_, i) =>
      evtx.subarray(i * 5000, (i + 1) * 5000),
    );
    const parallel = await compress(small, 3);
    expect(inflateRawSync(parallel).equals(evtx)).toBe(true);
    const withoutDictionary = Buffer.concat(await Promise.all(small.map((b) => compress([b], 1))));
    expect(parallel.length).toBeLessThan(withoutDictionary.length * 0.8);
  });

  it("releases each block once, after its compression, so its memory can be overwritten", async () => {
    for (const parallelism of [1, 3]) {
      const copies = blocks.map((b) => Buffer.from(b));
      const released: Buffer[] = [];
      async function* source(): AsyncGenerator<Buffer> {
        yield* copies;
      }
      const out: Buffer[] = [];
      const scribble = (block: Buffer) => {
        released.push(block);
        block.fill(0xa5); // a reused buffer gets new content at once
      };
      for await (const chunk of deflateInParallel(source(), 1, parallelism, scribble)) out.push(chunk);
      expect(released).toHaveLength(copies.length);
      expect(new Set(released).size).toBe(copies.length);
      expect(inflateRawSync(Buffer.concat(out)).equals(evtx)).toBe(true);
    }
  });

  it("encodes empty input as an empty final block", async () => {
    const empty = await compress([], 3);
    expect(inflateRawSync(empty).length).toBe(0);
  });
});
