import { describe, expect, it } from "vitest";
import { matchSigmaRules } from "../src/sigma/run-sigma-rules";
import { compileSigmaRule } from "../src/sigma/sigma-rule";
import type { TTimelineEvent } from "../src/timeline/timeline-event";

const rule = (detection: string, logsource = "{ product: windows, service: security }") =>
  compileSigmaRule(`title: t\nid: t\nlogsource: ${logsource}\ndetection:\n${detection}`, "t.yml");

function event(
  id: string,
  channel: string,
  eventId: number,
  details: Record<string, string>,
): TTimelineEvent {
  return {
    id,
    time: `2026-08-01T00:00:0${id.length % 10}.000Z`,
    timeJst: "",
    host: "pc1",
    source: "x.evtx",
    sourceType: "evtx",
    channel,
    eventId,
    event: "",
    user: "",
    sourceAddress: "",
    details,
  };
}

describe("Sigma EventID prefilter and matching order", () => {
  it("derives the event ids a condition can match, and never narrows through `not` or keywords", () => {
    const sels = "  a: { EventID: 4624 }\n  b: { EventID: [4625, 4771] }\n";
    expect(rule(`${sels}  condition: a or b\n`).eventIds).toEqual(new Set(["4624", "4625", "4771"]));
    expect(rule(`${sels}  condition: a and not b\n`).eventIds).toEqual(new Set(["4624"]));
    expect(rule(`${sels}  condition: 1 of a*\n`).eventIds).toEqual(new Set(["4624"]));
    expect(rule(`${sels}  condition: not a\n`).eventIds).toBeNull();
    expect(rule(`  a: { EventID: 4624 }\n  k: [mimikatz]\n  condition: a or k\n`).eventIds).toBeNull();
    expect(rule(`  a: { EventID|startswith: '46' }\n  condition: a\n`).eventIds).toBeNull();
  });

  it("skips by event id only what cannot match: `not` rules still see every event", () => {
    const onlyNot = rule("  a: { EventID: 4624 }\n  condition: not a\n");
    const logon = rule("  a: { EventID: 4624, LogonType: 10 }\n  condition: a\n");
    const events = [
      event("e1", "Security", 4624, { LogonType: "10" }),
      event("e22", "Security", 4625, { LogonType: "10" }),
    ];
    const hits = matchSigmaRules([onlyNot, logon], events);
    expect(hits.get(onlyNot)?.map((e) => e.id)).toEqual(["e22"]);
    expect(hits.get(logon)?.map((e) => e.id)).toEqual(["e1"]);
  });

  it("keeps input order when a rule matches events of several kinds (Sysmon 1 and 4688)", () => {
    const proc = rule(
      "  a: { Image|endswith: '\\vssadmin.exe' }\n  condition: a\n",
      "{ product: windows, category: process_creation }",
    );
    const events = [
      event("s1", "Microsoft-Windows-Sysmon/Operational", 1, { Image: "C:\\W\\VSSADMIN.EXE" }),
      event("a1", "Security", 4688, { NewProcessName: "C:\\W\\vssadmin.exe" }),
      event("s2", "Microsoft-Windows-Sysmon/Operational", 1, { Image: "C:\\W\\vssadmin.exe" }),
      event("a2", "Security", 4688, { NewProcessName: "C:\\W\\notepad.exe" }),
    ];
    expect(
      matchSigmaRules([proc], events)
        .get(proc)
        ?.map((e) => e.id),
    ).toEqual(["s1", "a1", "s2"]);
  });

  it("compares plain values case-insensitively, honours |cased and keeps escaped wildcards literal", () => {
    const view = (v: string) => ({ get: () => v, values: () => [v] });
    const plain = rule("  a: { CommandLine|contains: 'Delete Shadows' }\n  condition: a\n");
    expect(plain.matches(view("vssadmin DELETE shadows /all"))).toBe(true);
    const cased = rule("  a: { CommandLine|contains|cased: 'Delete' }\n  condition: a\n");
    expect(cased.matches(view("x delete y"))).toBe(false);
    expect(cased.matches(view("x Delete y"))).toBe(true);
    const star = rule("  a: { CommandLine|endswith: 'a\\*' }\n  condition: a\n");
    expect(star.matches(view("xa*"))).toBe(true);
    expect(star.matches(view("xab"))).toBe(false);
  });
});
