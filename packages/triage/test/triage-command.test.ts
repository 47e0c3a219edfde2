import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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
});
