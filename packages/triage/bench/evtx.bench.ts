/**
 * `npm run bench:evtx`: Sonae's EVTX parser against libevtx (`evtxexport`) and python-evtx
 * (`evtx_dump.py`), in the same run, on (1) the 581-file shared corpus and (2) a large file
 * built from real corpus chunks. Prints events/s, MB/s, ratios and peak RSS. Not a test.
 * Environment: BENCH_EVTX_GB (default 2.1, so the file is past 2 GiB), BENCH_PYTHON_SECONDS
 * (time limit for python-evtx on the large file, default 60).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEvtxChunks } from "../src/evtx/evtx-file-parser";
import { renderEventXml } from "../src/evtx/evtx-xml-render";
import { BROKEN_FOR_REFERENCE_TOOLS } from "../test/support/broken-files";
import { listEvtxFiles } from "../test/support/reference-tools";
import { buildLargeEvtx } from "./build-large-evtx";

const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/data/evtx");

interface Measure {
  events: number;
  bytes: number;
  seconds: number;
  peakRssMb?: number;
  note?: string;
}

/** Sonae: decode every record and render it as XML (the same work evtxexport -f xml does). */
async function runSonae(files: string[]): Promise<Measure> {
  const started = process.hrtime.bigint();
  let events = 0;
  let bytes = 0;
  let xmlChars = 0;
  for (const f of files) {
    bytes += statSync(f).size;
    for await (const records of parseEvtxChunks(f)) {
      for (const r of records) xmlChars += renderEventXml(r.root).length;
      events += records.length;
    }
  }
  if (xmlChars === 0) throw new Error("no output");
  return { events, bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Runs a tool under GNU time, counting `<Event ` in its stdout; optional time limit. */
function runTool(
  cmd: string,
  args: string[],
  limitSeconds?: number,
): Promise<{ events: number; seconds: number; peakRssMb: number; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // GNU time ignores SIGINT, so the limit is enforced by coreutils `timeout` under it; time's
    // maximum RSS then covers the tool too (it is a waited-for descendant).
    const limited = limitSeconds
      ? ["timeout", "-s", "INT", String(limitSeconds), cmd, ...args]
      : [cmd, ...args];
    const child = spawn("/usr/bin/time", ["-f", "MAXRSS=%M EXIT=%x", ...limited], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let events = 0;
    let tail = "";
    let stderr = "";

    child.stdout.setEncoding("latin1");
    child.stdout.on("data", (s: string) => {
      const text = tail + s;
      for (let i = text.indexOf("<Event "); i >= 0; i = text.indexOf("<Event ", i + 1)) events++;
      tail = text.slice(-6);
      if (tail.includes("<")) tail = tail.slice(tail.lastIndexOf("<"));
      else tail = "";
    });
    child.stderr.on("data", (s: Buffer) => {
      stderr = (stderr + s.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", () => {
      const timedOut = /EXIT=124/.test(stderr);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /MAXRSS=(\d+)/.exec(stderr);
      resolve({ events, seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, timedOut });
    });
  });
}

async function runToolOverFiles(
  cmd: string,
  argsFor: (f: string) => string[],
  files: string[],
  budgetSeconds?: number,
): Promise<Measure> {
  let events = 0;
  let bytes = 0;
  let seconds = 0;
  let peak = 0;
  let done = 0;
  for (const f of files) {
    if (budgetSeconds && seconds > budgetSeconds) break;
    const r = await runTool(cmd, argsFor(f));
    events += r.events;
    bytes += statSync(f).size;
    seconds += r.seconds;
    peak = Math.max(peak, r.peakRssMb);
    done++;
  }
  return {
    events,
    bytes,
    seconds,
    peakRssMb: peak,
    ...(done < files.length
      ? { note: `${done}/${files.length} files (time budget ${budgetSeconds} s)` }
      : {}),
  };
}

/** Sonae on one large file in a fresh child process, so its peak RSS is its own. */
function runSonaeChild(file: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--child", file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (s: Buffer) => {
      out += s.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out) as Measure) : reject(new Error(`child exited ${code}`)),
    );
  });
}

function line(name: string, m: Measure, base?: Measure): string {
  const eps = m.events / m.seconds;
  const mbps = m.bytes / 1e6 / m.seconds;
  const ratio = base ? `  Sonae is ${(base.events / base.seconds / eps).toFixed(2)}× its events/s` : "";
  const rss = m.peakRssMb !== undefined ? `  peak RSS ${m.peakRssMb.toFixed(0)} MB` : "";
  return `  ${name.padEnd(12)} ${m.events.toString().padStart(9)} events  ${m.seconds.toFixed(2).padStart(8)} s  ${Math.round(eps).toString().padStart(8)} events/s  ${mbps.toFixed(1).padStart(7)} MB/s${rss}${ratio}${m.note ? `  (${m.note})` : ""}`;
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") {
    const m = await runSonae([process.argv[3] as string]);
    m.peakRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify(m));
    return;
  }
  const files = listEvtxFiles(CORPUS).map((f) => path.join(CORPUS, f));
  console.log(`EVTX benchmark — Node ${process.version}, single thread; corpus ${files.length} files`);
  console.log("\n[1] shared corpus (all files; reference tools skip what they reject)");
  const sonae = await runSonae(files);
  sonae.peakRssMb = process.resourceUsage().maxRSS / 1024;
  const libevtx = await runToolOverFiles("evtxexport", (f) => ["-f", "xml", f], files);
  const python = await runToolOverFiles(
    "evtx_dump.py",
    (f) => [f],
    files,
    Number(process.env.BENCH_PYTHON_SECONDS ?? 60),
  );
  console.log(line("sonae", sonae));
  console.log(line("evtxexport", libevtx, sonae));
  console.log(line("python-evtx", python, sonae));

  const gb = Number(process.env.BENCH_EVTX_GB ?? 2.1);
  const dir = mkdtempSync(path.join(tmpdir(), "sonae-bench-evtx-"));
  try {
    const big = path.join(dir, "large.evtx");
    // Only chunks every tool can read, so that all three parse the same records.
    const built = buildLargeEvtx(
      files.filter((f) => !BROKEN_FOR_REFERENCE_TOOLS.some((b) => f.endsWith(b))),
      big,
      gb * 1024 ** 3,
    );
    console.log(
      `\n[2] large file: ${(built.bytes / 1024 ** 3).toFixed(2)} GiB, ${built.chunks} real chunks, ${built.records} records`,
    );
    const s = await runSonaeChild(big);
    const e = await runToolOverFiles("evtxexport", (f) => ["-f", "xml", f], [big]);
    const limit = Number(process.env.BENCH_PYTHON_SECONDS ?? 60);
    const p = await runTool("evtx_dump.py", [big], limit);
    const py: Measure = {
      events: p.events,
      bytes: (built.bytes * p.events) / built.records,
      seconds: p.seconds,
      peakRssMb: p.peakRssMb,
      ...(p.timedOut ? { note: `stopped after ${limit} s; MB/s pro rata` } : {}),
    };
    console.log(line("sonae", s));
    console.log(line("evtxexport", e, s));
    console.log(line("python-evtx", py, s));
    if (s.events !== built.records)
      console.log(`  WARNING: Sonae decoded ${s.events} of ${built.records} records`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
