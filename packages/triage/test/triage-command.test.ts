import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTriageCommand } from "../src/cli/triage-command";
import { buildTimeline } from "../src/timeline/build-timeline";
import { ZDetection } from "../src/timeline/timeline-event";
import { evtxPath, LOGS } from "./support/corpus";

const dir = mkdtempSync(path.join(tmpdir(), "sonae-triage-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ stdout: string; exitCode: number | undefined }> {
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

describe("sonae triage", () => {
  it("writes a CSV timeline and prints detections as JSON", async () => {
    const out = path.join(dir, "timeline.csv");
    const { stdout, exitCode } = await run([
      evtxPath("DeepBlueCLI/new-user-security.evtx"),
      `${LOGS}/crowdsec-hub-tests/ssh-bf`,
      "--out",
      out,
      "--json",
      "--no-progress",
    ]);
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout) as { eventCount: number; detections: unknown[] };
    expect(result.eventCount).toBe(4 + 6);
    for (const d of result.detections) ZDetection.parse(d);
    const csv = readFileSync(out, "utf8");
    // Cells may hold line breaks (quoted); records start with a quoted timestamp.
    expect(csv.trimEnd().split(/\r\n(?="\d{4}-)/)).toHaveLength(11);
  });

  it("exits 2 on a missing input and writes nothing", async () => {
    const out = path.join(dir, "never.csv");
    const { exitCode } = await run([path.join(dir, "nope.evtx"), "--out", out, "--no-progress"]);
    expect(exitCode).toBe(2);
    expect(() => readFileSync(out)).toThrow();
  });

  it("triages an evidence bundle (.zip with files/… entries)", async () => {
    const zip = path.join(dir, "bundle.zip");
    const script =
      "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\nz.writestr('manifest.json', '{}')\nz.write(sys.argv[2], 'files/host1/Security.evtx')\nz.write(sys.argv[3], 'files/vpn/fortigate.log')\nz.close()";
    execFileSync("python3", [
      "-c",
      script,
      zip,
      evtxPath("DeepBlueCLI/new-user-security.evtx"),
      `${LOGS}/crowdsec-hub-tests/fortinet-vpn-bf/fortinet-vpn-bf.log`,
    ]);
    const { events, detections, problems } = await buildTimeline([zip], { countries: null });
    expect(problems).toEqual([]);
    expect(new Set(events.map((e) => e.source))).toEqual(
      new Set(["bundle.zip:files/host1/Security.evtx", "bundle.zip:files/vpn/fortigate.log"]),
    );
    expect(events).toHaveLength(4 + 9);
    expect(detections.some((d) => d.ruleId === "vpn-brute-force")).toBe(true);
  });

  it("the timeline has detection columns: finding id, title, severity and ATT&CK", async () => {
    const csvOut = path.join(dir, "spray.csv");
    const jsonlOut = path.join(dir, "spray.jsonl");
    const spray = evtxPath("DeepBlueCLI/password-spray.evtx");
    expect((await run([spray, "--out", csvOut, "--no-progress", "--no-sigma"])).exitCode).toBe(0);
    const rows = readFileSync(csvOut, "utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(rows[0]).toMatch(/,finding_id,finding_title,finding_severity,attack$/);
    const sprayRow = rows.find((r) => r.includes('"4648"'));
    expect(sprayRow).toMatch(
      /"password-spray:password-spray\.evtx#\d+","パスワードスプレー攻撃 \/ Password spraying","high","T1110\.003"$/,
    );
    expect((await run([spray, "--out", jsonlOut, "--no-progress", "--no-sigma"])).exitCode).toBe(0);
    const lines = readFileSync(jsonlOut, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    const cleared = lines.find((l) => l.eventId === 1102);
    expect(cleared.findings).toMatchObject({ severity: "high", attack: ["T1070.001"] });
    expect(cleared.findings.ids[0]).toMatch(/^log-cleared:/);
  });

  it("--summary answers who, from where, when first, the way in and what was turned off", async () => {
    const out = path.join(dir, "summary.csv");
    const { stdout, exitCode } = await run([
      evtxPath("DeepBlueCLI/password-spray.evtx"),
      "--out",
      out,
      "--summary",
      "--no-progress",
      "--no-sigma",
    ]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain("誰が / Who (accounts): ");
    expect(stdout).toMatch(/どこから \/ From where: DESKTOP-JR78RLP/);
    expect(stdout).toMatch(/最初はいつ \/ When first: 2019-04-30T19:27:00\.297Z — イベントログの消去/);
    expect(stdout).toMatch(/侵入経路 \/ Way in: パスワードスプレー攻撃 \/ Password spraying/);
    expect(stdout).toMatch(/止められた・壊されたもの \/ Turned off or destroyed: イベントログの消去/);
    expect(stdout.trimEnd().split("\n")).toHaveLength(7);
  });

  it("exits 2 naming the file when an input is neither EVTX nor a supported log, and writes nothing", async () => {
    const notes = path.join(dir, "notes.txt");
    writeFileSync(notes, "meeting notes\nnothing to see\n");
    const out = path.join(dir, "notes.csv");
    let stderr = "";
    const errSpy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      process.exitCode = undefined;
      await createTriageCommand().parseAsync([notes, "--out", out, "--no-progress", "--no-sigma"], {
        from: "user",
      });
      expect(process.exitCode).toBe(2);
    } finally {
      errSpy.mockRestore();
      process.exitCode = undefined;
    }
    expect(stderr).toContain(
      `EVTX でも対応するテキストログでもありません（認証・VPN の行が 1 行もありません）: ${notes}`,
    );
    expect(stderr).toContain(
      `Not an EVTX file or a supported text log (no authentication or VPN line found): ${notes}`,
    );
    expect(() => readFileSync(out)).toThrow();
  });
});
