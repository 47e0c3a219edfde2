import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LiteralMatcher } from "../src/sigma/literal-matcher";
import { compileRepeatedCharRegex } from "../src/sigma/repeated-char-regex";
import { matchSigmaRules } from "../src/sigma/run-sigma-rules";
import { compileSigmaRule, loadSigmaRules, type SigmaRule } from "../src/sigma/sigma-rule";
import { matchSigmaRulesByScan } from "../src/sigma/sigma-scan-matcher";
import { buildTimeline } from "../src/timeline/build-timeline";
import type { TTimelineEvent } from "../src/timeline/timeline-event";
import { EVTX, SIGMA } from "./support/corpus";

function evtxUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...evtxUnder(full));
    else if (e.name.endsWith(".evtx")) out.push(full);
  }
  return out.sort();
}

/** "rule id → event ids" of a hit map, comparable with toEqual. */
function hitSet(hits: Map<SigmaRule, TTimelineEvent[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [rule, events] of hits) out[`${rule.path}`] = events.map((e) => e.id);
  return out;
}

let rules: SigmaRule[] = [];

beforeAll(async () => {
  ({ rules } = await loadSigmaRules(path.join(SIGMA, "rules/windows")));
}, 60_000);

describe("indexed Sigma matching finds exactly what testing every rule finds", () => {
  it("on the 132 SigmaHQ regression cases, with all 1391 rules", async () => {
    const files = evtxUnder(path.join(SIGMA, "regression_data"));
    expect(files.length).toBeGreaterThanOrEqual(132);
    const { events } = await buildTimeline(files, { countries: null });
    const indexed = hitSet(matchSigmaRules(rules, events));
    expect(Object.keys(indexed).length).toBeGreaterThan(100);
    expect(indexed).toEqual(hitSet(matchSigmaRulesByScan(rules, events)));
  }, 120_000);

  it("on the whole EVTX corpus (../shared/data/evtx)", async () => {
    const files = evtxUnder(EVTX);
    expect(files.length).toBeGreaterThan(250);
    const { events } = await buildTimeline(files, { countries: null });
    const indexed = hitSet(matchSigmaRules(rules, events));
    expect(Object.values(indexed).flat().length).toBeGreaterThan(1000);
    expect(indexed).toEqual(hitSet(matchSigmaRulesByScan(rules, events)));
  }, 300_000);

  it("most process_creation rules carry a required literal", () => {
    const proc = rules.filter((r) => r.logsource.category === "process_creation");
    const without = proc.filter((r) => r.requirement === null);
    expect(without.length / proc.length).toBeLessThan(0.1);
  });

  it("derives requirements soundly: wildcards, |all, |windash, |re literals, nothing under `not` or `|`", () => {
    const rule = (detection: string) =>
      compileSigmaRule(
        `title: t\nlogsource: { category: process_creation, product: windows }\ndetection:\n${detection}`,
        "t.yml",
      );
    expect(
      rule(
        "  s: { Image|endswith: ['\\\\a.exe', '\\\\bb.exe'], CommandLine|contains: '*x*delete shadows*' }\n  condition: s",
      ).requirement,
    ).toEqual([{ field: "CommandLine", literal: "delete shadows" }]);
    expect(
      rule("  s: { CommandLine|contains|all: [' -a', ' -longer'] }\n  condition: s").requirement,
    ).toEqual([{ field: "CommandLine", literal: " -longer" }]);
    expect(rule("  s: { CommandLine|windash|contains: ' -enc ' }\n  condition: s").requirement).toEqual([
      { field: "CommandLine", literal: "enc " },
    ]);
    expect(
      rule("  s: { Image|endswith: '\\\\x.exe' }\n  f: { User: 'a' }\n  condition: s and not f").requirement,
    ).toEqual([{ field: "Image", literal: "\\x.exe" }]);
    expect(
      rule("  s: { Image|endswith: '\\\\x.exe' }\n  f: { User|re: 'ab|cd' }\n  condition: s or f")
        .requirement,
    ).toBeNull();
    expect(rule("  s: { CommandLine|re: '\\$PSHome\\[\\s*\\d' }\n  condition: s").requirement).toEqual([
      { field: "CommandLine", literal: "$pshome[" },
    ]);
    expect(rule("  s: ['mimikatz']\n  condition: s").requirement).toBeNull();
  });
});

describe("repeated-character regular expressions are counted, with the regex's own answers", () => {
  it("agrees with RegExp on lines with and without enough characters", () => {
    const source = "\\+.*\\+.*\\+";
    const counted = compileRepeatedCharRegex(source, "");
    expect(counted).not.toBeNull();
    const re = new RegExp(source);
    for (const v of ["a+b+c+", "a+b+\nc+", "+++", "++", "", "x+\r+\u2028+", `${"+ ".repeat(40)}`, "a+b"])
      expect(counted?.(v)).toBe(re.test(v));
    expect(compileRepeatedCharRegex("a.*a", "i")).toBeNull();
    expect(compileRepeatedCharRegex("\\+.*\\{", "")).toBeNull();
  });

  it("stays linear where the regex backtracks: 100 KB of the character, one short (< 100 ms)", () => {
    const counted = compileRepeatedCharRegex(`\\+${".*\\+".repeat(13)}`, "");
    const started = performance.now();
    expect(counted?.(`${"+".repeat(13)}${" ".repeat(100_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe("LiteralMatcher (Aho–Corasick)", () => {
  it("finds overlapping and nested literals", () => {
    const m = new LiteralMatcher(["he", "she", "his", "hers", "s"]);
    const found: number[] = [];
    m.scan("ushers", (id) => found.push(id));
    expect([...new Set(found)].sort()).toEqual([0, 1, 3, 4]);
  });

  it("treats non-ASCII characters as one class: an emoji literal is found, and any non-ASCII pair may be", () => {
    const m = new LiteralMatcher(["😀", "abc"]);
    const found = (text: string) => {
      const ids: number[] = [];
      m.scan(text, (id) => ids.push(id));
      return ids;
    };
    expect(found("run 😀 now")).toEqual([0]);
    expect(found("日本")).toEqual([0]);
    expect(found("ascii only abc")).toEqual([1]);
  });

  it("stays linear on 100 KB runs of its own tokens and of whitespace (< 100 ms)", () => {
    const m = new LiteralMatcher(["aaaaaaaaab", "a a", " ", "ab"]);
    for (const text of ["a".repeat(100_000), " ".repeat(100_000), "a ".repeat(50_000)]) {
      const started = performance.now();
      let n = 0;
      m.scan(text, () => n++);
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
