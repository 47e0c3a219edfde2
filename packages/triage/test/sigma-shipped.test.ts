import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTriageCommand } from "../src/cli/triage-command";
import {
  loadSigmaRuleSet,
  readSigmaRuleSet,
  SHIPPED_SIGMA_DIR,
  summariseSkipped,
} from "../src/sigma/sigma-rule-set";
import { ZDetection } from "../src/timeline/timeline-event";
import { evtxPath } from "./support/corpus";

/**
 * The SigmaHQ rules shipped in content/sigma run by default. The samples below were checked by
 * hand: DE_1102 holds one Security 1102 from Microsoft-Windows-Eventlog, which is exactly
 * win_security_audit_log_cleared.yml's selection_1102 (author Florian Roth).
 */
const SECURITY_1102 = evtxPath("EVTX-ATTACK-SAMPLES/Defense Evasion/DE_1102_security_log_cleared.evtx");
const AUDIT_LOG_CLEARED = "sigma:d99b79d2-0a6f-4f46-ad8b-260b6e17f982";

const dir = mkdtempSync(path.join(tmpdir(), "sonae-sigma-shipped-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function countYml(d: string): number {
  return readdirSync(d, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countYml(path.join(d, e.name)) : /\.ya?ml$/.test(e.name) ? 1 : 0),
    0,
  );
}

async function runCli(args: string[]): Promise<{ stdout: string; exitCode: number | undefined }> {
  let stdout = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  process.exitCode = undefined;
  let exitCode: number | undefined;
  try {
    await createTriageCommand()
      .exitOverride()
      .configureOutput({ writeErr: () => {} })
      .parseAsync(args, { from: "user" });
    exitCode = process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    exitCode = (error as { exitCode?: number }).exitCode;
  } finally {
    spy.mockRestore();
    errSpy.mockRestore();
    process.exitCode = undefined;
  }
  return { stdout, exitCode };
}

describe("shipped Sigma rules (content/sigma)", () => {
  it("ships every rule file it declares, and reports each rule it does not run", async () => {
    const meta = JSON.parse(readFileSync(path.join(SHIPPED_SIGMA_DIR, "rule-set.json"), "utf8")) as {
      ruleCount: number;
      date: string;
    };
    const files = countYml(SHIPPED_SIGMA_DIR);
    expect(files).toBe(meta.ruleCount);
    const set = await loadSigmaRuleSet();
    expect(set.fileCount).toBe(files);
    expect(set.rules.length + set.skipped.length).toBe(files);
    expect(set.source).toMatchObject({ date: meta.date, isShipped: true });
    // Informational rules are left out by default, and said so; nothing else is dropped today.
    expect(summariseSkipped(set.skipped)).toEqual([{ reason: "level info", count: 6 }]);
    expect(set.rules.every((r) => r.path.startsWith("rules/windows/"))).toBe(true);
    expect(await loadSigmaRuleSet()).toBe(set);
  }, 60_000);

  it("reports rules the evaluator cannot handle with their reason instead of dropping them", async () => {
    const rules = path.join(dir, "broken-rules");
    const write = (name: string, detection: string, level = "high") =>
      writeFileSync(
        path.join(rules, name),
        `title: ${name}\nid: ${name}\nlevel: ${level}\nlogsource: { product: windows, service: security }\ndetection:\n${detection}`,
      );
    mkdirSync(rules, { recursive: true });
    write("ok.yml", "  sel: { EventID: 1102 }\n  condition: sel\n");
    write("count.yml", "  sel: { EventID: 4625 }\n  condition: sel | count() by IpAddress > 10\n");
    write("unknown.yml", "  sel: { EventID: 4625 }\n  condition: sel and other\n");
    write("modifier.yml", "  sel: { TargetUserName|expand: '%admins%' }\n  condition: sel\n");
    write("low.yml", "  sel: { EventID: 4624 }\n  condition: sel\n", "informational");
    writeFileSync(
      path.join(rules, "sysmon-file.yml"),
      "title: f\nid: f\nlevel: high\nlogsource: { product: windows, category: file_event }\ndetection:\n  sel: { TargetFilename|endswith: '.lnk' }\n  condition: sel\n",
    );
    const set = await readSigmaRuleSet(rules);
    expect(set.rules.map((r) => r.path)).toEqual(["ok.yml"]);
    const reasons = Object.fromEntries(set.skipped.map((s) => [s.path, s.reason]));
    expect(reasons).toEqual({
      "count.yml": expect.stringMatching(/^not supported by the evaluator: aggregation not supported/),
      "unknown.yml": "not supported by the evaluator: condition names unknown search 'other'",
      "modifier.yml": "not supported by the evaluator: unsupported modifier |expand",
      "low.yml": "level info",
      "sysmon-file.yml": "logsource not evaluated: windows/file_event",
    });
    expect(set.source).toMatchObject({ date: null, isShipped: false });
  });

  it("sonae triage runs them by default: a 1102 hit names the author, the rule link and the rule set", async () => {
    const out = path.join(dir, "t.csv");
    const json = await runCli([SECURITY_1102, "--out", out, "--json", "--no-progress"]);
    expect(json.exitCode).toBe(0);
    const result = JSON.parse(json.stdout) as {
      sigma: { ruleSet: { date: string }; rulesRun: number };
      detections: unknown[];
    };
    expect(result.sigma.ruleSet.date).toBe("2026-08-05");
    expect(result.sigma.rulesRun).toBe(1385);
    const detections = result.detections.map((d) => ZDetection.parse(d));
    // The built-in log-clearing finding shows the same 1102 event: the Sigma rule is one of its sources.
    const merged = detections.find((d) => d.sources?.some((x) => x.ruleId === AUDIT_LOG_CLEARED));
    expect(merged?.ruleId).toBe("log-cleared");
    const hit = merged?.sources?.find((x) => x.ruleId === AUDIT_LOG_CLEARED);
    expect(hit?.sigma).toMatchObject({
      author: "Florian Roth (Nextron Systems)",
      path: "rules/windows/builtin/security/win_security_audit_log_cleared.yml",
      link: "https://github.com/SigmaHQ/sigma/blob/8eaafff1f2845a696050e05e72ba1140ee190698/rules/windows/builtin/security/win_security_audit_log_cleared.yml",
      licence: "Detection Rule License 1.1",
      ruleSet: { date: "2026-08-05", isShipped: true },
    });
    expect(hit?.attribution).toContain("by Florian Roth (Nextron Systems)");

    const text = await runCli([SECURITY_1102, "--out", out, "--no-progress"]);
    expect(text.stdout).toContain("Sigma: SigmaHQ Windows rules");
    expect(text.stdout).toContain("(2026-08-05, commit 8eaafff)");
    expect(text.stdout).toContain("作成者 / Author: Florian Roth (Nextron Systems)");
    expect(text.stdout).toContain("rules/windows/builtin/security/win_security_audit_log_cleared.yml");
  }, 60_000);

  it("--no-sigma turns them off; --sigma <dir> replaces them; a missing folder is a usage error", async () => {
    const out = path.join(dir, "t2.csv");
    const off = await runCli([SECURITY_1102, "--out", out, "--json", "--no-progress", "--no-sigma"]);
    const offResult = JSON.parse(off.stdout) as { sigma: unknown; detections: Array<{ origin: string }> };
    expect(offResult.sigma).toBeNull();
    expect(offResult.detections.length).toBeGreaterThan(0);
    expect(offResult.detections.filter((d) => d.origin === "sigma")).toEqual([]);
    const offText = await runCli([SECURITY_1102, "--out", out, "--no-progress", "--no-sigma"]);
    expect(offText.stdout).toContain("not run (--no-sigma)");
    expect(offText.stdout).not.toContain("Florian Roth");

    const own = path.join(dir, "own-rules");
    mkdirSync(own, { recursive: true });
    writeFileSync(
      path.join(own, "mine.yml"),
      "title: Mine\nid: mine-1\nauthor: 佐藤\nlevel: medium\nlogsource: { product: windows, service: security }\ndetection:\n  sel: { EventID: 1102 }\n  condition: sel\n",
    );
    const custom = await runCli([SECURITY_1102, "--out", out, "--json", "--no-progress", "--sigma", own]);
    const customResult = JSON.parse(custom.stdout) as {
      sigma: { rulesRun: number };
      detections: Array<{ ruleId: string; sigma?: { author: string }; sources?: Array<{ ruleId: string }> }>;
    };
    expect(customResult.sigma.rulesRun).toBe(1);
    const sources = customResult.detections.flatMap((d) => d.sources ?? [d]);
    expect(sources.filter((d) => d.ruleId.startsWith("sigma:"))).toEqual([
      expect.objectContaining({ ruleId: "sigma:mine-1", sigma: expect.objectContaining({ author: "佐藤" }) }),
    ]);

    const missing = await runCli([SECURITY_1102, "--out", out, "--sigma", path.join(dir, "nope")]);
    expect(missing.exitCode).toBe(2);
  }, 60_000);
});
