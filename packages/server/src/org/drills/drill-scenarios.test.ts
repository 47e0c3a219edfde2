import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { DRILL_CONTENT_DIR, loadDrillScenarios } from "./drill-scenarios";

const tmp = mkdtempSync(path.join(tmpdir(), "sonae-drills-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the shipped ransomware scenario, broken by `mutate`, alone in its own folder. */
function brokenFixture(
  name: string,
  mutate: (data: Record<string, unknown>) => void,
  file = "ransomware-vpn.yaml",
) {
  const dir = path.join(tmp, name);
  const data = parse(readFileSync(path.join(DRILL_CONTENT_DIR, "ransomware-vpn.yaml"), "utf8"));
  mutate(data);
  mkdirSync(dir);
  writeFileSync(path.join(dir, file), stringify(data));
  return dir;
}

describe("drill scenarios in content/drills", () => {
  it("ships the ransomware-through-VPN and the DDoS scenario, valid, with timed injects", () => {
    const scenarios = loadDrillScenarios();
    expect(scenarios.map((s) => s.id)).toEqual(["ddos-public-site", "ransomware-vpn"]);
    const ransomware = scenarios.find((s) => s.id === "ransomware-vpn")!;
    // The injects follow the report's attack flow, in order (特集Ⅱ).
    const phases = ransomware.injects.map((i) => i.phase.ja).join(" → ");
    const flow = ["侵入", "管理者権限", "探索", "窃取", "暗号化", "脅迫状", "消去"];
    const positions = flow.map((step) => phases.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(ransomware.injects[0]?.text.ja).toContain("VPN");
    expect(ransomware.source.ja).toContain("特集Ⅱ");
    for (const s of scenarios) for (const i of s.injects) expect(i.expected.length).toBeGreaterThan(0);
  });

  it.each([
    [
      "a missing English text",
      (d: Record<string, unknown>) => delete (d.title as Record<string, unknown>).en,
      /title\.en/,
    ],
    [
      "injects out of time order",
      (d: Record<string, unknown>) => ((d.injects as { minute: number }[])[2]!.minute = 1),
      /time order/,
    ],
    [
      "a duplicate inject id",
      (d: Record<string, unknown>) => ((d.injects as { id: string }[])[1]!.id = "vpn-advisory"),
      /duplicate inject id/,
    ],
    [
      "an unknown severity",
      (d: Record<string, unknown>) => {
        (d.injects as { ifMissed: { severity: string } }[])[0]!.ifMissed.severity = "critical";
      },
      /severity/,
    ],
  ])("refuses a scenario with %s, naming the file", (name, mutate, message) => {
    const dir = brokenFixture(name.replace(/\W+/g, "-"), mutate);
    expect(() => loadDrillScenarios(dir)).toThrow(/ransomware-vpn\.yaml/);
    expect(() => loadDrillScenarios(dir)).toThrow(message);
  });

  it("refuses an id that differs from the file name, and YAML that does not parse", () => {
    const renamed = brokenFixture("renamed", () => {}, "other.yaml");
    expect(() => loadDrillScenarios(renamed)).toThrow(/must equal the file name/);
    const dir = path.join(tmp, "bad-yaml");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "x.yaml"), "id: [unclosed\n");
    expect(() => loadDrillScenarios(dir)).toThrow(/x\.yaml: not valid YAML/);
  });
});
