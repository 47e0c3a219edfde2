import { describe, expect, it } from "vitest";
import { BufferPool } from "./buffer-pool";

describe("buffer pool", () => {
  it("hands a released buffer out again, also when given back as a short view", () => {
    const pool = new BufferPool(1024);
    const a = pool.acquire();
    pool.release(a.subarray(0, 10));
    const b = pool.acquire();
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(1024);
  });

  it("never hands out one buffer twice after a double release, and ignores foreign memory", () => {
    const pool = new BufferPool(1024);
    const a = pool.acquire();
    pool.release(a);
    pool.release(a);
    pool.release(Buffer.alloc(10));
    const first = pool.acquire();
    const second = pool.acquire();
    expect(first.buffer).toBe(a.buffer);
    expect(second.buffer).not.toBe(a.buffer);
    expect(second.length).toBe(1024);
  });
});
