/**
 * `npm run bench:sigma -w packages/triage`: the cost of the shipped SigmaHQ rules (content/sigma).
 * Prints (1) the time to read and compile the rule set once, (2) triage of the DeepBlueCLI EVTX
 * samples without Sigma and with the shipped rules (median of BENCH_SIGMA_ROUNDS, default 3), and
 * (3) the matching time per rule folder (security, system, process_creation), so a slow category
 * shows by name. Not a test. The samples (GPL-3.0) are read in place from ../shared/data.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { matchSigmaRules, runSigmaRules } from "../src/sigma/run-sigma-rules";
import { readSigmaRuleSet, SHIPPED_SIGMA_DIR, summariseSkipped } from "../src/sigma/sigma-rule-set";
import { buildTimeline } from "../src/timeline/build-timeline";
import type { TTimelineEvent } from "../src/timeline/timeline-event";

const SAMPLES = path.resolve(import.meta.dirname, "../../../../shared/data/evtx/DeepBlueCLI");
const ROUNDS = Number(process.env.BENCH_SIGMA_ROUNDS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timeTriage(files: string[], detectors: Parameters<typeof buildTimeline>[1]): Promise<number> {
  const started = performance.now();
  await buildTimeline(files, { countries: null, ...detectors });
  return performance.now() - started;
}

async function main(): Promise<void> {
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".evtx"))
    .map((f) => path.join(SAMPLES, f));
  console.log(`Sigma benchmark — Node ${process.version}; ${files.length} DeepBlueCLI EVTX files`);

  const set = await readSigmaRuleSet(SHIPPED_SIGMA_DIR);
  const rss = process.memoryUsage().rss / 1024 ** 2;
  console.log(
    `\n[1] load + compile ${set.fileCount} rules (${set.source.name}, ${set.source.date}): ${set.loadMs.toFixed(0)} ms; ${set.rules.length} run, ${set.skipped.length} skipped ${JSON.stringify(summariseSkipped(set.skipped))}; RSS after load ${rss.toFixed(0)} MB`,
  );

  const { events } = await buildTimeline(files, { countries: null });
  const withSigma = { extraDetectors: [(e: TTimelineEvent[]) => runSigmaRules(set.rules, e, set.source)] };
  const without: number[] = [];
  const withRules: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    without.push(await timeTriage(files, {}));
    withRules.push(await timeTriage(files, withSigma));
  }
  const a = median(without);
  const b = median(withRules);
  console.log(
    `\n[2] triage of ${events.length} events, median of ${ROUNDS}: without Sigma ${a.toFixed(0)} ms, with ${set.rules.length} shipped rules ${b.toFixed(0)} ms (+${(b - a).toFixed(0)} ms, ×${(b / a).toFixed(2)})`,
  );

  console.log("\n[3] matching time per rule folder over the same events (median):");
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
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      hits = [...matchSigmaRules(rules, events).values()].reduce((n, l) => n + l.length, 0);
      times.push(performance.now() - started);
    }
    console.log(
      `  ${folder.padEnd(36)} ${String(rules.length).padStart(5)} rules  ${median(times).toFixed(1).padStart(8)} ms  ${hits} matching events`,
    );
  }
}

await main();
