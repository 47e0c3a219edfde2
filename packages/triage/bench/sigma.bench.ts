/**
 * `npm run bench:sigma -w packages/triage`: the cost of the shipped SigmaHQ rules (content/sigma).
 * Prints (1) the time to read and compile the rule set once, (2) triage of the DeepBlueCLI EVTX
 * samples without Sigma and with the shipped rules (median of BENCH_SIGMA_ROUNDS, default 3), and
 * (3) the matching time per rule folder (security, system, process_creation), testing every rule
 * (the reference) against the indexed matcher, with the ratio and both hit counts. Not a test. The samples (GPL-3.0) are read in place from ../shared/data.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { matchSigmaRules, runSigmaRules } from "../src/sigma/run-sigma-rules";
import { readSigmaRuleSet, SHIPPED_SIGMA_DIR, summariseSkipped } from "../src/sigma/sigma-rule-set";
import { matchSigmaRulesByScan } from "../src/sigma/sigma-scan-matcher";
import { isRuleApplicable } from "../src/sigma/sigma-windows-mapping";
import { buildTimeline } from "../src/timeline/build-timeline";
import type { TTimelineEvent } from "../src/timeline/timeline-event";

const SAMPLES = path.resolve(import.meta.dirname, "../../../../shared/data/evtx/DeepBlueCLI");
const ROUNDS = Number(process.env.BENCH_SIGMA_ROUNDS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall and CPU milliseconds (CPU is steadier when other processes share the machine). */
interface Timing {
  wall: number;
  cpu: number;
}

function time(work: () => unknown): Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

async function timeAsync(work: () => Promise<unknown>): Promise<Timing> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

function medianTiming(ts: Timing[]): Timing {
  return { wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) };
}

const ms = (t: Timing) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`;

async function main(): Promise<void> {
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".evtx"))
    .map((f) => path.join(SAMPLES, f));
  console.log(`Sigma benchmark — Node ${process.version}; ${files.length} DeepBlueCLI EVTX files`);

  // A fresh cache folder: the first read parses every YAML file (what the first run ever pays),
  // the second reads the parsed rules from the cache keyed by the rule set's hash (every later run).
  const cacheDir = mkdtempSync(path.join(tmpdir(), "sonae-bench-sigma-cache-"));
  process.env.SONAE_CACHE_DIR = cacheDir;
  let set = await readSigmaRuleSet(SHIPPED_SIGMA_DIR);
  const cold = await timeAsync(async () => {
    rmSync(cacheDir, { recursive: true, force: true });
    set = await readSigmaRuleSet(SHIPPED_SIGMA_DIR);
  });
  const load = await timeAsync(async () => {
    set = await readSigmaRuleSet(SHIPPED_SIGMA_DIR);
  });
  rmSync(cacheDir, { recursive: true, force: true });
  const rss = process.memoryUsage().rss / 1024 ** 2;
  console.log(
    `\n[1] load + compile ${set.fileCount} rules (${set.source.name}, ${set.source.date}): without cache ${ms(cold)}, from the cache ${ms(load)} (×${(cold.cpu / load.cpu).toFixed(1)}; once per process); ${set.rules.length} run, ${set.skipped.length} skipped ${JSON.stringify(summariseSkipped(set.skipped))}; RSS after load ${rss.toFixed(0)} MB`,
  );

  const { events } = await buildTimeline(files, { countries: null });
  const withSigma = { extraDetectors: [(e: TTimelineEvent[]) => runSigmaRules(set.rules, e, set.source)] };
  const without: Timing[] = [];
  const withRules: Timing[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    without.push(await timeAsync(() => buildTimeline(files, { countries: null })));
    withRules.push(await timeAsync(() => buildTimeline(files, { countries: null, ...withSigma })));
  }
  const a = medianTiming(without);
  const b = medianTiming(withRules);
  console.log(
    `\n[2] triage of ${files.length} files / ${events.length} events, median of ${ROUNDS}: without Sigma ${ms(a)}; with ${set.rules.length} shipped rules ${ms(b)} (CPU +${(b.cpu - a.cpu).toFixed(0)} ms, ×${(b.cpu / a.cpu).toFixed(2)})`,
  );

  console.log(
    "\n[3] matching time per rule folder over the same events (median), every rule tested (reference) against the literal index:",
  );
  const folders = new Map<string, typeof set.rules>();
  for (const r of set.rules) {
    const folder = r.path
      .split("/")
      .slice(0, 4)
      .join("/")
      .replace(/\/[^/]+\.yml$/, "");
    folders.set(folder, [...(folders.get(folder) ?? []), r]);
  }
  for (const [folder, rules] of [...folders].sort()) {
    const applicable = events.filter((e) => rules.some((r) => isRuleApplicable(r, e))).length;
    const perEvent = (t: Timing) => (t.cpu * 1000) / Math.max(applicable, 1);
    const measure = (match: typeof matchSigmaRules) => {
      const times: Timing[] = [];
      let hits = 0;
      for (let i = 0; i < ROUNDS; i++)
        times.push(
          time(() => {
            hits = [...match(rules, events).values()].reduce((n, l) => n + l.length, 0);
          }),
        );
      return { t: medianTiming(times), hits };
    };
    // The index is built on first use per rule list: build it outside the timed rounds, as triage does once.
    matchSigmaRules(rules, events);
    const scan = measure(matchSigmaRulesByScan);
    const indexed = measure(matchSigmaRules);
    console.log(
      `  ${folder.padEnd(36)} ${String(rules.length).padStart(5)} rules  ${String(applicable).padStart(5)} events in scope  every rule ${perEvent(scan.t).toFixed(1).padStart(7)} µs CPU/event  indexed ${perEvent(indexed.t).toFixed(1).padStart(6)} µs CPU/event  ×${(scan.t.cpu / Math.max(indexed.t.cpu, 0.001)).toFixed(1)} fewer  hits ${scan.hits} / ${indexed.hits}${scan.hits === indexed.hits ? " (same)" : " (DIFFERENT)"}`,
    );
  }
}

await main();
