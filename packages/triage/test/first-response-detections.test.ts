import { describe, expect, it } from "vitest";
import { mergeFindings } from "../src/detections/merge-findings";
import { runSigmaRules } from "../src/sigma/run-sigma-rules";
import { loadSigmaRuleSet } from "../src/sigma/sigma-rule-set";
import { buildTimeline } from "../src/timeline/build-timeline";
import { type TDetection, ZTriageResult } from "../src/timeline/timeline-event";
import { evtxPath } from "./support/corpus";

async function triage(rel: string, withSigma = false) {
  const set = withSigma ? await loadSigmaRuleSet() : null;
  const result = await buildTimeline([evtxPath(rel)], {
    countries: null,
    ...(set
      ? {
          extraDetectors: [
            (e: Parameters<typeof runSigmaRules>[1]) => runSigmaRules(set.rules, e, set.source),
          ],
        }
      : {}),
  });
  expect(() => ZTriageResult.parse(result)).not.toThrow();
  return result;
}

describe("first-response detections", () => {
  it("password-spray.evtx: one spray finding naming the source host, the account used and every target account", async () => {
    const { detections, events } = await triage("DeepBlueCLI/password-spray.evtx");
    const spray = detections.filter((d) => d.ruleId === "password-spray");
    expect(spray).toHaveLength(1);
    const finding = spray[0] as TDetection;
    // Every 4648 target account, counted from the events themselves (41 distinct names in 294 events).
    const targets = new Set(events.filter((e) => e.eventId === 4648).map((e) => e.details.TargetUserName));
    expect(targets.size).toBe(41);
    expect(new Set(finding.accounts)).toEqual(targets);
    expect(finding.eventIds).toHaveLength(294);
    expect(finding.remoteSources).toContain("DESKTOP-JR78RLP");
    expect(finding.explanation.ja).toContain("jwrig");
    for (const name of targets) expect(finding.explanation.en).toContain(name as string);
    expect(finding.attack).toEqual(["T1110.003"]);
    expect(finding.question).toBe("way-in");
  });

  it("Kerbrute user enumeration over 4768/4771 is a spray; 54 failures of one account are a Kerberos burst", async () => {
    const base = "EVTX-to-MITRE-Attack/TA0006-Credential Access/T1110.xxx-Brut force/";
    const kerbrute = await triage(`${base}ID4768-4771-Kerberos user enumeration (Kerbrute).evtx`);
    expect(kerbrute.detections.find((d) => d.ruleId === "password-spray")?.remoteSources).toContain(
      "10.23.123.11",
    );
    const burst = await triage(`${base}ID4771-Kerberos brutforce with valid user.evtx`);
    const preauth = burst.detections.filter((d) => d.ruleId === "kerberos-preauth-burst");
    expect(preauth).toHaveLength(1);
    expect(preauth[0]?.accounts).toEqual(["admin-hacker"]);
  });

  it("DCSync (4662 replication GUIDs) is critical and names the account", async () => {
    const { detections } = await triage(
      "EVTX-to-MITRE-Attack/TA0006-Credential Access/T1003-Credential dumping/ID4662-DCsync attack using Mimikatz.evtx",
    );
    const dcsync = detections.find((d) => d.ruleId === "dcsync");
    expect(dcsync?.severity).toBe("critical");
    expect(dcsync?.explanation.ja).toContain("admmig");
  });

  it("remote WMI execution is found through the creator process id when 4688 has no parent name", async () => {
    const { detections } = await triage(
      "EVTX-ATTACK-SAMPLES/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx",
    );
    const wmi = detections.find((d) => d.ruleId === "wmi-remote-process");
    expect(wmi?.explanation.en).toContain("calc.exe");
  });

  it("a built-in detection and a Sigma rule on the same 1102 event are one finding with both sources", async () => {
    const { detections } = await triage("DeepBlueCLI/password-spray.evtx", true);
    const cleared = detections.filter(
      (d) => d.eventIds.some((id) => id.endsWith("#1")) || d.ruleId === "log-cleared",
    );
    expect(cleared).toHaveLength(1);
    const sources = cleared[0]?.sources ?? [];
    expect(sources.map((s) => s.origin)).toEqual(["builtin", "sigma"]);
    expect(sources[1]?.sigma?.author).toBeTruthy();
    expect(sources[1]?.attribution).toMatch(/Detection Rule License 1\.1/);
    // No event is shown by two findings.
    const ids = detections.flatMap((d) => d.eventIds);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("mergeFindings keeps Sigma events no built-in finding shows in a Sigma finding of their own", () => {
    const base = {
      title: { ja: "t", en: "t" },
      explanation: { ja: "", en: "" },
      severity: "high" as const,
      firstTime: "",
      lastTime: "",
      hosts: [],
      attack: [],
    };
    const builtin: TDetection = {
      ...base,
      id: "b",
      ruleId: "log-cleared",
      origin: "builtin",
      eventIds: ["f#1"],
      attack: ["T1070.001"],
    };
    const sigma: TDetection = {
      ...base,
      id: "s",
      ruleId: "sigma:x",
      origin: "sigma",
      eventIds: ["f#1", "f#2"],
      attack: ["T1685.005"],
    };
    const twin: TDetection = { ...sigma, id: "s2", ruleId: "sigma:y" };
    const merged = mergeFindings([builtin, sigma, twin]);
    expect(merged).toHaveLength(2);
    expect(merged[0]?.sources?.map((s) => s.ruleId)).toEqual(["log-cleared", "sigma:x", "sigma:y"]);
    expect(merged[0]?.attack).toEqual(["T1070.001", "T1685.005"]);
    expect(merged[1]?.eventIds).toEqual(["f#2"]);
    expect(merged[1]?.sources?.map((s) => s.ruleId)).toEqual(["sigma:x", "sigma:y"]);
  });
});
