import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DetectionContext } from "../src/detections/detection-helpers";
import { BUILTIN_RULES, runBuiltinDetections } from "../src/detections/run-detections";
import { openCountryLookup } from "../src/geo/ip-country";
import { builtinDetector, keepEverythingBuiltinDetector } from "../src/pipeline/streaming-detectors";
import type { TTimelineEvent } from "../src/timeline/timeline-event";
import { builtinFindingsOverCorpus } from "./golden/builtin-findings-corpus";

const GOLDEN = path.join(import.meta.dirname, "golden/builtin-findings.json");

/**
 * The built-in rules see only the events they declare (BuiltinRule.inputs) and keep bounded
 * state. These tests prove that loses nothing: the same findings as every rule seeing every
 * event, and as the code before the change (the golden).
 */
describe("built-in rules: declared inputs, bounded state, same findings", () => {
  it("the whole corpus gives the findings the keep-every-event code gave (golden) and the keep-everything reference gives", async () => {
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, string[]>;
    const streamed = await builtinFindingsOverCorpus();
    expect(Object.values(streamed).flat().length).toBeGreaterThan(1000);
    expect(streamed).toEqual(golden);
    const reference = await builtinFindingsOverCorpus(keepEverythingBuiltinDetector);
    expect(streamed).toEqual(reference);
  }, 300_000);

  it("every rule declares inputs, and the data rules' inputs are the catalogue's `on` lists", () => {
    for (const rule of BUILTIN_RULES) {
      expect(rule.inputs.windows.length + (rule.inputs.textLog ? 1 : 0), rule.name).toBeGreaterThan(0);
      for (const key of rule.inputs.windows) expect(key, rule.name).toMatch(/^.+:\d+$/);
    }
    const data = BUILTIN_RULES.find((r) => r.name === "catalogue event rules");
    expect(data?.inputs.windows).toContain("Security:4769");
    expect(data?.inputs.windows).toContain("Microsoft-Windows-Windows Defender/Operational:5001");
  });

  // Rules the corpus never triggers (night logons, mass renames, record gaps, public RDP), on
  // made-up events fed in shuffled batches, against every rule seeing the sorted list.
  it("rules the corpus does not trigger give the reference's findings from shuffled batches", () => {
    const events = syntheticEvents();
    const base = events[3] as TTimelineEvent;
    const recordGaps: DetectionContext["recordGaps"] = [
      { source: "s.evtx", afterId: 3, beforeId: 9, afterEventId: base.id },
    ];
    const countries = openCountryLookup();
    const reference = runBuiltinDetections({
      events: [...events].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1)),
      recordGaps,
      countries,
    });
    const ruleIds = new Set(reference.map((d) => d.ruleId));
    for (const id of [
      "odd-hour-logon",
      "mass-file-rename",
      "record-gap",
      "rdp-logon-public",
      "logon-from-abroad",
    ])
      expect(ruleIds, id).toContain(id);
    // The parser hands the event before a gap over with the gap (slimmed).
    const streamedGaps = [{ ...(recordGaps[0] as DetectionContext["recordGaps"][number]), afterEvent: base }];
    const detector = builtinDetector(streamedGaps, countries);
    const shuffled = shuffle(events);
    for (let i = 0; i < shuffled.length; i += 7) detector.add(shuffled.slice(i, i + 7));
    const key = (d: { id: string }) => d.id;
    expect(detector.finish().sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      reference.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});

let seed = 7;
function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function event(
  n: number,
  time: string,
  channel: string,
  eventId: number,
  over: Partial<TTimelineEvent>,
): TTimelineEvent {
  return {
    id: `s.evtx#${n}`,
    time,
    timeJst: time,
    host: "pc1",
    source: "s.evtx",
    sourceType: "evtx",
    channel,
    eventId,
    event: "",
    user: "",
    sourceAddress: "",
    details: {},
    ...over,
  };
}

function syntheticEvents(): TTimelineEvent[] {
  const out: TTimelineEvent[] = [];
  let n = 0;
  // Day logons of taro (09:00 JST) and one at 02:00 JST; a public RDP logon from the US.
  for (let d = 1; d <= 9; d++)
    out.push(
      event(++n, `2026-01-0${d}T00:00:00.000Z`, "Security", 4624, {
        user: "CORP\\taro",
        details: { LogonType: "2" },
      }),
    );
  out.push(
    event(++n, "2026-01-05T17:00:00.000Z", "Security", 4624, {
      user: "CORP\\taro",
      sourceAddress: "8.8.8.8",
      details: { LogonType: "10" },
    }),
  );
  // 120 files renamed to .locked by one process within two minutes.
  for (let i = 0; i < 120; i++)
    out.push(
      event(
        ++n,
        `2026-01-06T01:0${Math.floor(i / 60)}:${String(i % 60).padStart(2, "0")}.000Z`,
        "Microsoft-Windows-Sysmon/Operational",
        11,
        {
          details: {
            Image: "C:\\x\\enc.exe",
            TargetFilename: `C:\\data\\f${i}.docx.locked`,
            Hashes: "x".repeat(200),
          },
        },
      ),
    );
  return out;
}
