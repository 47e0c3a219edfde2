import { describe, expect, it } from "vitest";
import { jsonLimitProblem, parseJsonWithin } from "./json-limits";

const limits = { maxBytes: 1_000_000, maxDepth: 64, maxEntries: 1_000 };

describe("JSON limits", () => {
  it("refuses deep nesting before parsing, in strings and bytes", () => {
    const deep = `${"[".repeat(5_000)}${"]".repeat(5_000)}`;
    expect(jsonLimitProblem(deep, limits)).toMatch(/deeper than 64/);
    expect(jsonLimitProblem(Buffer.from(deep), limits)).toMatch(/deeper than 64/);
    expect(() => parseJsonWithin(deep, limits, "body")).toThrow(/over a limit/);
  });

  it("ignores brackets and commas inside strings, escaped quotes included", () => {
    const text = JSON.stringify({ note: `${"[{,".repeat(5_000)}\\"]` });
    expect(jsonLimitProblem(text, limits)).toBeUndefined();
    expect(parseJsonWithin(text, limits, "body")).toEqual(JSON.parse(text));
  });

  it("counts elements and size", () => {
    expect(jsonLimitProblem(JSON.stringify(Array.from({ length: 2_000 }, () => 1)), limits)).toMatch(
      /elements/,
    );
    expect(jsonLimitProblem(" ".repeat(1_000_001), limits)).toMatch(/larger/);
  });

  it("scans a long run of its own tokens quickly", () => {
    const text = `"${'\\"'.repeat(400_000)}"`;
    const started = performance.now();
    expect(jsonLimitProblem(text, limits)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });
});
