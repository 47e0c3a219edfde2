import { describe, expect, it } from "vitest";
import { BATCH_LIMITS, batchFormatOf, parseBatch, splitCsvLine } from "./url-batch-parse";

describe("partner batch parsing", () => {
  it("reads the three formats from Content-Type", () => {
    expect(batchFormatOf("application/x-ndjson; charset=utf-8")).toBe("jsonl");
    expect(batchFormatOf("text/csv")).toBe("csv");
    expect(batchFormatOf("application/stix+json;version=2.1")).toBe("stix");
    expect(batchFormatOf("text/html")).toBeUndefined();
  });

  it("splits RFC 4180 CSV fields with quotes, doubled quotes and commas", () => {
    expect(splitCsvLine('"https://a.xyz/?q=1,2","say ""hi""",x')).toEqual([
      "https://a.xyz/?q=1,2",
      'say "hi"',
      "x",
    ]);
    expect(splitCsvLine("a,,b")).toEqual(["a", "", "b"]);
  });

  it("reports each bad line with its number and ja/en text, and refuses a batch over the line limit", () => {
    const parsed = parseBatch(
      "csv",
      `\uFEFFURL,brand\nhttps://a.xyz/,X\n,\n${"a".repeat(BATCH_LIMITS.maxLineChars + 1)}\n`,
    );
    expect(parsed.urls).toEqual([
      { line: 2, url: "https://a.xyz/", brand: "X", ref: undefined, seenAt: undefined },
    ]);
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([
      [3, "BAD_LINE"],
      [4, "LINE_TOO_LONG"],
    ]);
    expect(parsed.problems[0]!.message.ja).toContain("url");
    const tooMany = parseBatch("jsonl", "{}\n".repeat(BATCH_LIMITS.maxLines + 5));
    expect(tooMany.problems[0]).toMatchObject({ line: 0, code: "TOO_MANY_LINES" });
    expect(parseBatch("csv", "brand\nx").problems[0]!.code).toBe("CSV_HEADER");
  });

  it("takes url comparisons from STIX 2.1 indicators, escapes undone, other objects ignored", () => {
    const bundle = {
      type: "bundle",
      id: "bundle--00000000-0000-4000-8000-000000000000",
      objects: [
        { type: "identity", id: "identity--1" },
        {
          type: "indicator",
          id: "indicator--1",
          pattern: "[url:value = 'https://a.xyz/it\\'s'] OR [url:value = 'http://b.xyz/']",
          valid_from: "2026-11-01T00:00:00Z",
        },
        { type: "indicator", id: "indicator--2", pattern: "[domain-name:value = 'c.xyz']" },
      ],
    };
    const parsed = parseBatch("stix", JSON.stringify(bundle));
    expect(parsed.urls.map((u) => [u.line, u.url, u.ref])).toEqual([
      [2, "https://a.xyz/it's", "indicator--1"],
      [2, "http://b.xyz/", "indicator--1"],
    ]);
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([[3, "NO_URL_PATTERN"]]);
  });

  it("stays linear on long runs of the pattern's own tokens and refuses deep JSON", () => {
    const runs = [
      `[url:value = '${"\\'".repeat(50_000)}`,
      `${"url:value = ".repeat(20_000)}`,
      `[url:value = '${"a".repeat(100_000)}`,
    ];
    for (const pattern of runs) {
      const started = performance.now();
      parseBatch("stix", JSON.stringify({ type: "bundle", objects: [{ type: "indicator", pattern }] }));
      expect(performance.now() - started).toBeLessThan(500);
    }
    expect(() => parseBatch("stix", `${"[".repeat(100)}${"]".repeat(100)}`)).toThrow(/nested/);
  });
});
