import { describe, expect, it } from "vitest";
import { findPanLike } from "./pan-scanner";

describe("findPanLike", () => {
  it("finds numbers as they are, spaced, hyphenated and inside longer digit runs", () => {
    expect(findPanLike('{"n":"4111111111111111"}')).toEqual(["411111******1111"]);
    expect(findPanLike("card 4111 1111 1111 1111 seen")).toEqual(["411111******1111"]);
    expect(findPanLike("x=5555-5555-5555-4444;")).toEqual(["555555******4444"]);
    expect(findPanLike("00378282246310005")).toContain("378282*****0005");
  });

  it("does not flag masked numbers, timestamps or hex digests", () => {
    expect(findPanLike("411111******1111 1764651234567")).toEqual([]);
    expect(findPanLike(`sha ${"a".repeat(10)}4111111111111111${"b".repeat(10)}`)).toEqual([]);
    expect(findPanLike('"responseTime":2.4111111111111111')).toEqual([]);
    expect(findPanLike('"n":".4111111111111111"')).toEqual(["411111******1111"]);
  });

  it("stays fast on 100 KB of digits and of hex", () => {
    const started = performance.now();
    findPanLike("0".repeat(100_000));
    findPanLike("0a".repeat(50_000));
    findPanLike("0 ".repeat(50_000));
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
