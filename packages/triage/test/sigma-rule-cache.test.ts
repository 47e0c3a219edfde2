import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { matchSigmaRules } from "../src/sigma/run-sigma-rules";
import { loadSigmaRules } from "../src/sigma/sigma-rule";
import { buildTimeline } from "../src/timeline/build-timeline";
import { evtxPath, SIGMA } from "./support/corpus";

const cacheDir = mkdtempSync(path.join(tmpdir(), "sonae-sigma-cache-test-"));
const previous = process.env.SONAE_CACHE_DIR;
process.env.SONAE_CACHE_DIR = cacheDir;
afterAll(() => {
  rmSync(cacheDir, { recursive: true, force: true });
  if (previous === undefined) delete process.env.SONAE_CACHE_DIR;
  else process.env.SONAE_CACHE_DIR = previous;
});

const RULES = path.join(SIGMA, "rules/windows");

function summary(loaded: Awaited<ReturnType<typeof loadSigmaRules>>) {
  return {
    rules: loaded.rules.map((r) => [
      r.path,
      r.id,
      r.level,
      JSON.stringify(r.requirement),
      r.attack.join(" "),
    ]),
    unsupported: loaded.unsupported,
  };
}

describe("compiled rule set cached by the rule set's hash", () => {
  it("the second load reads the cache and yields the same rules and the same hits", async () => {
    const first = await loadSigmaRules(RULES);
    expect(readdirSync(cacheDir).filter((f) => /^sigma-[0-9a-f]{64}\.json$/.test(f))).toHaveLength(1);
    const second = await loadSigmaRules(RULES);
    expect(summary(second)).toEqual(summary(first));
    const { events } = await buildTimeline([evtxPath("DeepBlueCLI/new-user-security.evtx")], {
      countries: null,
    });
    const hits = (rules: typeof first.rules) =>
      [...matchSigmaRules(rules, events)].map(([r, es]) => [r.path, es.map((e) => e.id)]);
    expect(hits(second.rules)).toEqual(hits(first.rules));
  }, 60_000);

  it("a changed rule makes a new key; a damaged cache file is rebuilt, never trusted", async () => {
    const own = mkdtempSync(path.join(tmpdir(), "sonae-own-rules-"));
    try {
      const rule = (level: string) =>
        `title: Mine\nid: mine-1\nlevel: ${level}\nlogsource: { product: windows, service: security }\ndetection:\n  sel: { EventID: 1102 }\n  condition: sel\n`;
      writeFileSync(path.join(own, "mine.yml"), rule("high"));
      expect((await loadSigmaRules(own)).rules[0]?.level).toBe("high");
      writeFileSync(path.join(own, "mine.yml"), rule("low"));
      expect((await loadSigmaRules(own)).rules[0]?.level).toBe("low");
      for (const f of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, f), "{not json");
      expect((await loadSigmaRules(own)).rules[0]?.level).toBe("low");
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
