import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildTimeline } from "../src/timeline/build-timeline";
import { formatJst } from "../src/timeline/format-jst";
import { queryTimeline } from "../src/timeline/query-timeline";
import { ZTimelineEvent } from "../src/timeline/timeline-event";
import { toCsvCell, writeTimelineCsv, writeTimelineJsonl } from "../src/timeline/write-timeline";
import { evtxPath } from "./support/corpus";

async function collect(write: (out: PassThrough) => Promise<void>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

describe("timeline export", () => {
  it("shows UTC times in JST (UTC+9)", () => {
    expect(formatJst("2019-04-30T15:20:00.123Z")).toBe("2019-05-01 00:20:00.123 JST");
  });

  it("escapes cells for Excel: quotes and formula injection", () => {
    expect(toCsvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(toCsvCell("-enc AAA")).toBe(`"'-enc AAA"`);
    expect(toCsvCell("普通の文字")).toBe('"普通の文字"');
  });

  it("marks records recovered from slack space in CSV and JSONL", async () => {
    const { events } = await buildTimeline(
      [evtxPath("DeepBlueCLI/Powershell-Invoke-Obfuscation-many.evtx")],
      {
        countries: null,
      },
    );
    const csv = await collect((out) => writeTimelineCsv(events, out));
    const rows = csv.split("\r\n").filter(Boolean);
    // The recovered column follows details; the detection columns come after it.
    expect(rows[0]?.endsWith(",details,recovered,finding_id,finding_title,finding_severity,attack")).toBe(
      true,
    );
    expect(rows.filter((r) => r.endsWith(',"復元 / recovered","","","",""'))).toHaveLength(1);
    const jsonl = await collect((out) => writeTimelineJsonl(events, out));
    const recovered = jsonl
      .trim()
      .split("\n")
      .map((l) => ZTimelineEvent.parse(JSON.parse(l)))
      .filter((e) => e.recovered);
    expect(recovered.map((e) => e.details.ScriptBlockId !== undefined)).toEqual([true]);
  });

  it("writes CSV with BOM and CRLF and JSONL that round-trips through the zod shape", async () => {
    const { events } = await buildTimeline([evtxPath("DeepBlueCLI/powersploit-security.evtx")]);
    expect(events).toHaveLength(27);
    expect(events.map((e) => e.time)).toEqual([...events.map((e) => e.time)].sort());
    const csv = await collect((out) => writeTimelineCsv(events, out));
    expect(csv.startsWith("\uFEFFtime_utc,time_jst,host,")).toBe(true);
    const rows = csv.split("\r\n").filter(Boolean);
    expect(rows).toHaveLength(28);
    expect(csv).toContain('"4688 プロセス作成 / Process created"');
    const jsonl = await collect((out) => writeTimelineJsonl(events, out));
    const parsed = jsonl
      .trim()
      .split("\n")
      .map((l) => ZTimelineEvent.parse(JSON.parse(l)));
    expect(parsed).toEqual(events);
    const first = parsed[0];
    expect(first?.timeJst).toBe(formatJst(first?.time ?? ""));
    expect(first?.host).toBe("IE10Win7");
  });
});

describe("timeline query (filter, search, sort, jump to evidence)", () => {
  it("filters by event id, searches details and jumps to a detection's events", async () => {
    const { events, detections } = await buildTimeline(
      [evtxPath("DeepBlueCLI/new-user-security.evtx"), evtxPath("DeepBlueCLI/powersploit-system.evtx")],
      { countries: null },
    );
    expect(queryTimeline(events, detections, { eventId: 4688 }).total).toBe(3);
    const search = queryTimeline(events, detections, { q: "mimikatz" });
    expect(search.total).toBeGreaterThan(0);
    expect(search.events.every((e) => JSON.stringify(e).toLowerCase().includes("mimikatz"))).toBe(true);
    const created = detections.find((d) => d.ruleId === "account-created");
    const evidence = queryTimeline(events, detections, { detectionId: created?.id });
    expect(evidence.events.map((e) => e.eventId)).toEqual([4720]);
    const desc = queryTimeline(events, detections, { sort: "-time", limit: 3 });
    expect(desc.events).toHaveLength(3);
    expect(desc.events[0]?.time).toBe(events.at(-1)?.time);
  });
});
