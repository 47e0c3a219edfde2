import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectInputs } from "../src/input/collect-inputs";
import { streamTriage } from "../src/pipeline/stream-triage";
import { perEventDetector } from "../src/pipeline/streaming-detectors";
import { compareEvents } from "../src/pipeline/timeline-spill";
import { runSigmaRules } from "../src/sigma/run-sigma-rules";
import { loadSigmaRuleSet } from "../src/sigma/sigma-rule-set";
import { triageFiles } from "../src/timeline/build-timeline";
import type { TTimelineEvent } from "../src/timeline/timeline-event";
import { evtxPath } from "./support/corpus";

let dir = "";
let temp = "";
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-stream-test-"));
  temp = path.join(dir, "tmp");
  await mkdir(temp);
  process.env.TMPDIR = temp;
});
afterAll(async () => {
  process.env.TMPDIR = savedTmp;
  await rm(dir, { recursive: true, force: true });
});

describe("streamed triage: timeline on disk, detections from batches", () => {
  it("merges on-disk runs back into time order and removes them", async () => {
    // 70,000 sshd failures with times out of order (~28 MB of JSON): two sorted runs on disk.
    const lines: string[] = [];
    for (let i = 0; i < 70_000; i++) {
      const second = (i * 7919) % 86_400;
      const hh = String(Math.floor(second / 3600)).padStart(2, "0");
      const mm = String(Math.floor((second % 3600) / 60)).padStart(2, "0");
      const ss = String(second % 60).padStart(2, "0");
      lines.push(
        `Feb 12 ${hh}:${mm}:${ss} host1 sshd[1]: Invalid user u${i % 97} from 203.0.113.${i % 250} port 22`,
      );
    }
    const log = path.join(dir, "auth.log");
    await writeFile(log, `${lines.join("\n")}\n`);
    const streamed = await streamTriage([{ path: log, name: "auth.log", kind: "text" }], {
      countries: null,
      textLog: { year: 2024 },
    });
    expect(streamed.eventCount).toBe(70_000);
    expect((await readdir(temp)).filter((n) => n.startsWith("sonae-timeline-"))).toHaveLength(1);
    let previous: TTimelineEvent | undefined;
    let count = 0;
    let outOfOrder = 0;
    for await (const e of streamed.events()) {
      if (previous && compareEvents(previous, e) > 0) outOfOrder++;
      previous = e;
      count++;
    }
    expect({ count, outOfOrder }).toEqual({ count: 70_000, outOfOrder: 0 });
    await streamed.dispose();
    expect(await readdir(temp)).toEqual([]);
  }, 60_000);

  it("a parse thread gives the same timeline, findings (Sigma too) and problems as parsing in-process", async () => {
    const set = await loadSigmaRuleSet(undefined);
    const sigma = (events: TTimelineEvent[]) => runSigmaRules(set.rules, events, set.source);
    const { files } = await collectInputs([
      evtxPath("DeepBlueCLI"),
      evtxPath("EVTX-ATTACK-SAMPLES/Lateral Movement"),
    ]);
    const run = async (parseThread: boolean) => {
      const r = await streamTriage(files, { parseThread, extraDetectors: [sigma] });
      const events: TTimelineEvent[] = [];
      for await (const e of r.events()) events.push(e);
      await r.dispose();
      return { events, detections: r.detections, problems: r.problems };
    };
    const inProcess = await run(false);
    expect(inProcess.events.length).toBeGreaterThan(5_000);
    expect(inProcess.detections.length).toBeGreaterThan(20);
    const threaded = await run(true);
    expect(threaded.problems).toEqual(inProcess.problems);
    expect(threaded.detections).toEqual(inProcess.detections);
    expect(threaded.events).toEqual(inProcess.events);
  }, 120_000);

  it("a per-event detector fed in batches gives the findings of one run over the whole timeline", async () => {
    const set = await loadSigmaRuleSet(undefined);
    const sigma = (events: TTimelineEvent[]) => runSigmaRules(set.rules, events, set.source);
    const file = {
      path: evtxPath("DeepBlueCLI/metasploit-sysmon.evtx"),
      name: "s.evtx",
      kind: "evtx" as const,
    };
    const whole = await triageFiles([file], { countries: null });
    const expected = sigma(whole.events);
    expect(expected.length).toBeGreaterThan(0);
    const batched = perEventDetector(sigma);
    for (let i = 0; i < whole.events.length; i += 100) batched.add(whole.events.slice(i, i + 100));
    expect(batched.finish()).toEqual(expected);
  }, 60_000);
});
