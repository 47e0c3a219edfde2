import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runSigmaRules } from "../src/sigma/run-sigma-rules";
import { loadSigmaRuleSet, type SigmaRuleSet } from "../src/sigma/sigma-rule-set";
import { buildTimeline } from "../src/timeline/build-timeline";
import type { TDetection } from "../src/timeline/timeline-event";
import { EVTX } from "./support/corpus";

/**
 * The curated reference subset (../shared/data/evtx/curated-subset.csv, 63 files by scenario):
 * every file must yield a finding of its scenario. A finding belongs to a scenario by its MITRE
 * ATT&CK techniques (built-in or Sigma), so the test does not care which engine found it.
 */
const SCENARIO_TECHNIQUES: Record<string, string[]> = {
  "rdp-logon": ["T1021.001", "T1563.002"],
  "brute-force": ["T1110"],
  // T1685.005 / T1685.001: the ATT&CK v18 ids SigmaHQ uses for clearing / disabling event logs.
  "log-clearing": ["T1070.001", "T1562.002", "T1685.005", "T1685.001"],
  "lateral-movement": ["T1021", "T1569.002", "T1543.003", "T1047", "T1550", "T1570", "T1053"],
  "ransomware-impact": ["T1490", "T1486", "T1562.001"],
  "new-admin-account": ["T1136", "T1098"],
  "credential-access": ["T1003"],
};
/** Findings without an ATT&CK technique that still belong to a scenario (AV detection is not one). */
const SCENARIO_RULES: Record<string, string[]> = { "ransomware-impact": ["defender-malware-detected"] };

function belongs(d: TDetection, scenario: string): boolean {
  const prefixes = SCENARIO_TECHNIQUES[scenario] ?? [];
  return (
    d.attack.some((t) => prefixes.some((p) => t === p || t.startsWith(`${p}.`))) ||
    (SCENARIO_RULES[scenario] ?? []).includes(d.ruleId)
  );
}

function curatedFiles(): Array<{ scenario: string; file: string }> {
  const text = readFileSync(path.join(EVTX, "curated-subset.csv"), "utf8");
  const rows = text.trim().split(/\r?\n/).slice(1);
  return rows.map((row) => {
    const m = /^([^,]+),(?:"([^"]+)"|([^,]+)),/.exec(row);
    if (!m) throw new Error(`unreadable row: ${row}`);
    return { scenario: m[1] as string, file: (m[2] ?? m[3]) as string };
  });
}

const files = curatedFiles();
let sigma: SigmaRuleSet;

beforeAll(async () => {
  sigma = await loadSigmaRuleSet();
});

describe("curated reference subset: each file yields a finding of its scenario", () => {
  it("lists 63 files in the known scenarios", () => {
    expect(files).toHaveLength(63);
    for (const f of files) expect(Object.keys(SCENARIO_TECHNIQUES)).toContain(f.scenario);
  });

  it.each(files)("$scenario: $file", async ({ scenario, file }) => {
    const result = await buildTimeline([path.join(EVTX, file)], {
      countries: null,
      extraDetectors: [(events) => runSigmaRules(sigma.rules, events, sigma.source)],
    });
    const found = result.detections.filter((d) => belongs(d, scenario));
    expect(
      found.map((d) => d.ruleId),
      result.detections.map((d) => d.ruleId).join(", "),
    ).not.toEqual([]);
  });
});

describe("detection catalogue", () => {
  it("every built-in rule has ATT&CK ids in the catalogue except AV detections", () => {
    const catalogue = parse(
      readFileSync(path.resolve(import.meta.dirname, "../../../content/triage/detections.yaml"), "utf8"),
    ) as { events: Array<{ id: string; attack: string[] }> };
    const without = catalogue.events.filter((r) => r.attack.length === 0).map((r) => r.id);
    expect(without).toEqual(["defender-malware-detected"]);
  });
});
