/**
 * `npm run bench:triage`: whole-process `sonae triage` against libevtx's `evtxexport` over the
 * same files, in the same run: (1) the whole shared EVTX corpus, (2) 1×, 16× and 64× copies of
 * one file, with peak RSS (GNU time) to show memory stays flat as the input grows. Prints
 * seconds, events, peak RSS and ratios. Not a test.
 * Environment: BENCH_TRIAGE_FILE (corpus-relative file for the scale runs, default
 * DeepBlueCLI/Powershell-Invoke-Obfuscation-many.evtx), BENCH_TRIAGE_COPIES (default 1,16,64),
 * BENCH_TRIAGE_SMALL (corpus-relative file for the fixed cost, default DeepBlueCLI/new-user-security.evtx),
 * BENCH_TRIAGE_ENTRY (the triage entry script, to measure another checkout), BENCH_TRIAGE_SIGMA
 * ("off" to leave Sigma out), BENCH_TRIAGE_CORPUS ("off" to skip the corpus run).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/data/evtx");
const ENTRY = process.env.BENCH_TRIAGE_ENTRY ?? path.join(import.meta.dirname, "triage-cli-entry.ts");
const FILE = path.join(
  CORPUS,
  process.env.BENCH_TRIAGE_FILE ?? "DeepBlueCLI/Powershell-Invoke-Obfuscation-many.evtx",
);
const COPIES = (process.env.BENCH_TRIAGE_COPIES ?? "1,16,64").split(",").map(Number);

interface Run {
  seconds: number;
  /** User + system CPU seconds of the whole process (less sensitive to other load than wall time). */
  cpuSeconds: number;
  peakRssMb: number;
}

/** Runs a command under GNU time: wall seconds, CPU seconds and peak resident set size. */
function measured(cmd: string, args: string[]): Run & { stdout: string } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", cmd, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const last = r.stderr.trim().split("\n").at(-1) ?? "";
  const [seconds, user, system, kb] = last.split(" ").map(Number);
  if (r.status !== 0 && !Number.isFinite(seconds)) throw new Error(`${cmd} failed: ${r.stderr.slice(-500)}`);
  return {
    seconds: seconds ?? Number.NaN,
    cpuSeconds: (user ?? Number.NaN) + (system ?? Number.NaN),
    peakRssMb: (kb ?? 0) / 1024,
    stdout: r.stdout,
  };
}

function evtxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...evtxFiles(full));
    else if (entry.name.toLowerCase().endsWith(".evtx")) out.push(full);
  }
  return out.sort();
}

function sonae(input: string, out: string): Run & { events: number } {
  const sigma = process.env.BENCH_TRIAGE_SIGMA === "off" ? ["--no-sigma"] : [];
  const r = measured(process.execPath, [
    "--import",
    "tsx",
    ENTRY,
    input,
    "--out",
    out,
    "--no-progress",
    "--json",
    ...sigma,
  ]);
  const events = Number(/"eventCount":\s*(\d+)/.exec(r.stdout)?.[1] ?? Number.NaN);
  return { ...r, events };
}

/** evtxexport over every file, one process per file as it works. */
function evtxexport(files: string[]): Run {
  const script = 'for f in "$@"; do evtxexport -f xml "$f" >/dev/null 2>&1; done';
  return measured("sh", ["-c", script, "sh", ...files]);
}

const fmt = (r: Run) =>
  `${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), peak RSS ${r.peakRssMb.toFixed(0)} MB`;

const work = mkdtempSync(path.join(tmpdir(), "sonae-bench-triage-"));
try {
  console.log(`triage benchmark — Node ${process.version}; entry ${path.relative(process.cwd(), ENTRY)}`);
  if (process.env.BENCH_TRIAGE_CORPUS !== "off") {
    const corpus = evtxFiles(CORPUS);
    const bytes = corpus.reduce((n, f) => n + statSync(f).size, 0);
    console.log(`\n[1] whole corpus: ${corpus.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
    const s = sonae(CORPUS, path.join(work, "corpus.csv"));
    const e = evtxexport(corpus);
    console.log(`  sonae triage  ${fmt(s)}, ${s.events} events`);
    console.log(`  evtxexport    ${fmt(e)}`);
    console.log(
      `  ratio sonae/evtxexport: wall ${(s.seconds / e.seconds).toFixed(2)}×, CPU ${(s.cpuSeconds / e.cpuSeconds).toFixed(2)}×`,
    );
  }

  // Fixed cost: a file of a few dozen records, where process start, rule loading and caches dominate.
  const tiny = path.join(CORPUS, process.env.BENCH_TRIAGE_SMALL ?? "DeepBlueCLI/new-user-security.evtx");
  sonae(tiny, path.join(work, "tiny.csv")); // fills the rule cache if it is cold
  const tinyRun = sonae(tiny, path.join(work, "tiny.csv"));
  console.log(
    `\n[2a] fixed cost, ${path.basename(tiny)} (${(statSync(tiny).size / 1e3).toFixed(0)} kB): sonae ${fmt(tinyRun)}`,
  );

  const one = sonae(FILE, path.join(work, "one.csv"));
  const oneRef = evtxexport([FILE]);
  console.log(`\n[2] one small file (${path.basename(FILE)}): sonae ${fmt(one)}; evtxexport ${fmt(oneRef)}`);

  console.log(`\n[3] copies of ${path.basename(FILE)} (${(statSync(FILE).size / 1e6).toFixed(1)} MB each)`);
  for (const n of COPIES) {
    const dir = path.join(work, `x${n}`);
    mkdirSync(dir);
    for (let i = 0; i < n; i++) symlinkSync(FILE, path.join(dir, `copy-${String(i).padStart(3, "0")}.evtx`));
    const r = sonae(dir, path.join(work, `x${n}.csv`));
    const ref = evtxexport(readdirSync(dir).map((f) => path.join(dir, f)));
    console.log(
      `  ${String(n).padStart(3)}×: sonae ${fmt(r)}, ${r.events} events; evtxexport ${ref.seconds.toFixed(2)} s (CPU ${ref.cpuSeconds.toFixed(2)} s); ratio wall ${(r.seconds / ref.seconds).toFixed(2)}×`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
