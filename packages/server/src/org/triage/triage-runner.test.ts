import path from "node:path";
import type { TTimelineEvent } from "@sonae/triage";
import { describe, expect, it } from "vitest";
import { sigmaDetectors } from "./triage-runner";

/** A Security 1102 "audit log cleared" event as the EVTX parser produces it. */
const CLEARED: TTimelineEvent = {
  id: "Security.evtx#1",
  time: "2026-08-01T00:00:00.000Z",
  timeJst: "2026-08-01 09:00:00",
  host: "pc1",
  source: "Security.evtx",
  sourceType: "evtx",
  channel: "Security",
  eventId: 1102,
  event: "1102",
  user: "",
  sourceAddress: "",
  details: { Provider: "Microsoft-Windows-Eventlog", SubjectUserName: "user01" },
};

describe("Sigma rules for server triage", () => {
  it("uses the shipped rules by default, a configured folder instead, none when off", async () => {
    const shipped = await sigmaDetectors(undefined);
    expect(shipped.summary?.ruleSet).toMatchObject({ isShipped: true, date: "2026-08-05" });
    const hits = shipped.detectors.flatMap((d) => d([CLEARED]));
    expect(hits).toContainEqual(
      expect.objectContaining({
        ruleId: "sigma:d99b79d2-0a6f-4f46-ad8b-260b6e17f982",
        sigma: expect.objectContaining({ author: "Florian Roth (Nextron Systems)" }),
      }),
    );
    // Parsed once per process: a second run reuses the same compiled rules.
    expect((await sigmaDetectors(undefined)).summary).toEqual(shipped.summary);

    expect(await sigmaDetectors("off")).toEqual({ detectors: [], summary: null });

    const folder = path.resolve(
      import.meta.dirname,
      "../../../../../content/sigma/rules/windows/builtin/system",
    );
    const custom = await sigmaDetectors(folder);
    expect(custom.summary?.ruleSet).toMatchObject({ isShipped: false, date: null });
    expect(custom.summary?.rulesRun).toBe(62);
    expect(custom.detectors.flatMap((d) => d([CLEARED]))).toEqual([]);
  }, 60_000);
});
