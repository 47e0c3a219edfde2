import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { extractEventFields } from "../src/evtx/evtx-fields";
import { parseEvtxFile } from "../src/evtx/evtx-file-parser";
import type { XmlElement } from "../src/evtx/evtx-types";
import { triageFiles } from "../src/timeline/build-timeline";
import { evtxPath } from "./support/corpus";
import { diffEvents, runTool } from "./support/reference-tools";

/**
 * Records recovered from slack space, compared with libevtx (`evtxexport -m recovered`, Debian
 * libevtx-utils; CI installs it) on the four corpus files where it finds 21, 70, 138 and 328:
 * the same records in the same order (number, write time, event id, computer from its text
 * output), and field by field against its XML output where that is well-formed.
 *
 * One difference is deliberate: in the WMI file 44 of libevtx's 70 point at templates or names
 * that were since overwritten, and libevtx decodes them with the wrong ones (fields of another
 * event type, garbage element names that end its XML output after 22 records). Sonae checks the
 * template id and name hashes in slack space and leaves those 44 out; the 26 it keeps are
 * identical to the live records with the same number and write time, which proves them right.
 */
const FILES: Array<[string, number, { misdecodedByLibevtx: number; xmlComparable: number }]> = [
  ["DeepBlueCLI/password-spray.evtx", 21, { misdecodedByLibevtx: 0, xmlComparable: 21 }],
  ["DeepBlueCLI/wmi-event-filter-persistance.evtx", 70, { misdecodedByLibevtx: 44, xmlComparable: 22 }],
  [
    "EVTX-ATTACK-SAMPLES/Credential Access/etw_rpc_zerologon.evtx",
    138,
    { misdecodedByLibevtx: 0, xmlComparable: 138 },
  ],
  [
    "DeepBlueCLI/Powershell-Invoke-Obfuscation-many.evtx",
    328,
    { misdecodedByLibevtx: 0, xmlComparable: 328 },
  ],
];

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

/** `Oct 20, 2021 13:35:02.853152200 UTC` (evtxexport) → `2021-10-20T13:35:02.8531522Z` (Sonae). */
function isoFromLibevtx(text: string): string {
  const m = /^(\w{3}) (\d\d), (\d{4}) (\d\d:\d\d:\d\d)\.(\d{7})\d* UTC$/.exec(text);
  if (!m) return text;
  const month = String(MONTHS.indexOf(m[1] as string) / 3 + 1).padStart(2, "0");
  return `${m[3]}-${month}-${m[2]}T${m[4]}.${m[5]}Z`;
}

/** Number, write time, event id and computer of each record in evtxexport's text output. */
function libevtxSummaries(file: string): string[] {
  const text = execFileSync("evtxexport", ["-m", "recovered", file], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return text
    .split(/\n\n+/)
    .filter((block) => block.startsWith("Event number"))
    .map((block) => {
      const field = (name: string) => new RegExp(`^${name}\\s*: (.*)$`, "m").exec(block)?.[1] ?? "";
      const id = /\((\d+)\)/.exec(field("Event identifier"))?.[1] ?? "";
      return `${field("Event number")} ${isoFromLibevtx(field("Written time"))} ${id} ${field("Computer name")}`;
    });
}

function requireEvtxexport(): void {
  try {
    execFileSync("sh", ["-c", "command -v evtxexport"], { stdio: "ignore" });
  } catch {
    throw new Error("evtxexport が見つかりません: apt-get install -y libevtx-utils / evtxexport not found");
  }
}

async function recovered(file: string): Promise<{ roots: XmlElement[]; summaries: string[] }> {
  const roots: XmlElement[] = [];
  const summaries: string[] = [];
  for await (const r of parseEvtxFile(file))
    if (r.recovered) {
      roots.push(r.root);
      const f = extractEventFields(r.root);
      summaries.push(`${r.recordId} ${r.writtenAt} ${f.eventId} ${f.computer}`);
    }
  return { roots, summaries };
}

describe("EVTX slack-space recovery", () => {
  for (const [rel, count, { misdecodedByLibevtx, xmlComparable }] of FILES)
    it(`${rel}: the ${count} records evtxexport recovers, with the same fields`, async () => {
      requireEvtxexport();
      const file = evtxPath(rel);
      const ours = await recovered(file);
      const theirs = libevtxSummaries(file);
      expect(theirs).toHaveLength(count);
      expect(ours.summaries).toEqual(theirs.filter((s) => ours.summaries.includes(s)));
      expect(theirs.length - ours.summaries.length).toBe(misdecodedByLibevtx);
      // Field by field wherever libevtx's XML is well-formed and it decoded the record right.
      const reference = await runTool("evtxexport", ["-m", "recovered", "-f", "xml", file]);
      expect(reference.events).toHaveLength(xmlComparable);
      const diffs = reference.events.flatMap((event, i) => {
        const mine = ours.summaries.indexOf(theirs[i] as string);
        return mine < 0 ? [] : diffEvents(ours.roots[mine] as XmlElement, event).map((d) => `#${i}: ${d}`);
      });
      expect(diffs).toEqual([]);
    }, 60_000);

  it("the WMI file: every record kept is identical to the live record of the same number", async () => {
    const file = evtxPath("DeepBlueCLI/wmi-event-filter-persistance.evtx");
    const live = new Map<number, string>();
    const slack: Array<[number, string]> = [];
    for await (const r of parseEvtxFile(file)) {
      const text = JSON.stringify(r.root);
      if (r.recovered) slack.push([r.recordId, text]);
      else live.set(r.recordId, text);
    }
    expect(slack).toHaveLength(26);
    expect(slack.filter(([id, text]) => live.get(id) !== text)).toEqual([]);
  }, 60_000);

  it("the timeline adds records that were really deleted or overwritten, marked, and leaves out stale copies", async () => {
    const rel = "DeepBlueCLI/Powershell-Invoke-Obfuscation-many.evtx";
    const { events, problems } = await triageFiles([{ path: evtxPath(rel), name: "ps.evtx", kind: "evtx" }], {
      countries: null,
    });
    // 328 in slack space: 327 are copies of live records, one (EventRecordID 576647) is gone from the live log.
    const marked = events.filter((e) => e.recovered);
    expect(marked.map((e) => e.id)).toEqual([expect.stringMatching(/^ps\.evtx#recovered-102@0x[0-9a-f]+$/)]);
    expect(marked[0]?.time).toBe("2017-08-30T18:11:27.672Z");
    expect(events.filter((e) => !e.recovered)).toHaveLength(302);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(problems).toContainEqual({
      source: "ps.evtx",
      reason: expect.stringContaining(
        "recovered 328 deleted or overwritten records from slack space (327 identical",
      ),
    });
  }, 60_000);
});
