import { createWriteStream, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import { Command, InvalidArgumentError } from "commander";
import type { StreamedTriage } from "../pipeline/stream-triage";
import { runSigmaRules } from "../sigma/run-sigma-rules";
import {
  describeSigmaRuleSet,
  loadSigmaRuleSet,
  type SigmaRunSummary,
  summariseSigmaRuleSet,
} from "../sigma/sigma-rule-set";
import { streamBuildTimeline } from "../timeline/build-timeline";
import { type TSeverity, ZSeverity } from "../timeline/timeline-event";
import { writeTimelineCsv, writeTimelineJsonl } from "../timeline/write-timeline";
import { createProgressReporter } from "./triage-progress";

interface TriageOptions {
  out: string;
  json?: boolean;
  /** Folder of rules, false for --no-sigma, undefined for the shipped rules. */
  sigma?: string | false;
  sigmaLevel: TSeverity;
  year?: number;
  utcOffset?: number;
  progress: boolean;
}

function parseInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("整数を指定してください / must be an integer");
  return n;
}

/** Writes the timeline to a temporary file and renames it, so a failure never leaves half a file. */
async function writeOutput(result: StreamedTriage, out: string): Promise<void> {
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp);
  try {
    if (/\.jsonl$/i.test(out)) await writeTimelineJsonl(result.events(), stream);
    else await writeTimelineCsv(result.events(), stream);
    stream.end();
    await finished(stream);
    await rename(temp, out);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

function parseLevel(value: string): TSeverity {
  const level = ZSeverity.safeParse(value);
  if (!level.success)
    throw new InvalidArgumentError(
      "critical, high, medium, low, info のいずれか / one of critical, high, medium, low, info",
    );
  return level.data;
}

function printSummary(result: StreamedTriage, out: string, sigma: SigmaRunSummary | null): void {
  const lines = [
    `タイムライン / Timeline: ${result.eventCount} 件 / events → ${out}`,
    sigma ? `Sigma: ${describeSigmaRuleSet(sigma)}` : "Sigma: 実行せず / not run (--no-sigma)",
    `検知 / Detections: ${result.detections.length}`,
  ];
  const recovered = result.recoveredCount;
  if (recovered > 0)
    lines.splice(
      1,
      0,
      `  うち復元（削除・上書きされた記録） / of which recovered (deleted or overwritten): ${recovered}`,
    );
  for (const d of result.detections.slice(0, 50)) {
    lines.push(
      `  [${d.severity}] ${d.title.ja} / ${d.title.en} — ${d.firstTime} (${d.eventIds.length} events)`,
    );
    // DRL 1.1: every Sigma alert names the rule's author and links to the rule.
    if (d.sigma) {
      lines.push(`      作成者 / Author: ${d.sigma.author}`);
      lines.push(`      ルール / Rule: ${d.sigma.link} (${d.sigma.licence})`);
    } else if (d.attribution) lines.push(`      ${d.attribution}`);
  }
  if (result.detections.length > 50)
    lines.push(`  … ${result.detections.length - 50} more (--json で全件 / all with --json)`);
  if (result.problems.length > 0) {
    lines.push(`読み取りの問題 / Problems: ${result.problems.length}`);
    for (const p of result.problems.slice(0, 20))
      lines.push(`  ${p.source}${p.offset !== undefined ? ` @${p.offset}` : ""}: ${p.reason}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * `sonae triage <paths…> --out timeline.csv`: EVTX files, text logs, folders and evidence
 * bundles (.zip) → one UTC timeline (CSV for Excel, or JSONL when --out ends in .jsonl) plus
 * first-response detections. Exit codes: 0 done, 1 triage failed, 2 usage error.
 */
export function createTriageCommand(): Command {
  return (
    new Command("triage")
      .description(
        "ログを解析しタイムラインと検知結果を作る / Triage event logs into a timeline with detections",
      )
      .argument(
        "<paths...>",
        "EVTX・テキストログ・フォルダ・証拠バンドル(.zip) / EVTX, text logs, folders, evidence bundles (.zip)",
      )
      .requiredOption("-o, --out <file>", "出力先 (.csv または .jsonl) / output file (.csv or .jsonl)")
      .option("--json", "結果を JSON で標準出力へ / print the result summary as JSON")
      .option(
        "--sigma <dir>",
        "Sigma ルールのフォルダ（既定: 同梱の SigmaHQ ルール） / folder of Sigma rules (default: the shipped SigmaHQ rules)",
      )
      .option("--no-sigma", "Sigma ルールを実行しない / do not run Sigma rules")
      .option(
        "--sigma-level <level>",
        "実行する Sigma ルールの最低レベル（既定 low） / lowest Sigma rule level to run (default low)",
        parseLevel,
        "low" as TSeverity,
      )
      .option("--year <year>", "年のない syslog 時刻の年 / year for syslog times without one", parseInteger)
      .option(
        "--utc-offset <minutes>",
        "時差のない時刻の UTC オフセット（既定 540 = JST） / UTC offset for zone-less times (default 540 = JST)",
        parseInteger,
      )
      .option("--no-progress", "進捗を表示しない / do not show progress")
      // Commander exits 1 on usage errors; Sonae's CLI convention is 2 (1 = the triage itself failed).
      .exitOverride((err) => {
        if (err.exitCode !== 0) process.exit(2);
      })
      .action(async (paths: string[], opts: TriageOptions, command: Command) => {
        const missing = paths.filter((p) => !existsSync(p));
        if (missing.length > 0) {
          command.error(`見つかりません / not found: ${missing.join(", ")}`, { exitCode: 2 });
        }
        if (typeof opts.sigma === "string" && !existsSync(opts.sigma))
          command.error(`Sigma ルールのフォルダがありません / Sigma rule folder not found: ${opts.sigma}`, {
            exitCode: 2,
          });
        if (!existsSync(path.dirname(path.resolve(opts.out))))
          command.error(`出力先フォルダがありません / output folder does not exist: ${opts.out}`, {
            exitCode: 2,
          });
        try {
          const extraDetectors = [];
          let sigma: SigmaRunSummary | null = null;
          if (opts.sigma !== false) {
            const set = await loadSigmaRuleSet(opts.sigma, { minLevel: opts.sigmaLevel });
            sigma = summariseSigmaRuleSet(set);
            extraDetectors.push((events: Parameters<typeof runSigmaRules>[1]) =>
              runSigmaRules(set.rules, events, set.source),
            );
          }
          // The timeline stays on disk (memory does not grow with the input) until written out.
          const result = await streamBuildTimeline(paths, {
            ...(opts.progress ? { onProgress: createProgressReporter() } : {}),
            textLog: {
              ...(opts.year !== undefined ? { year: opts.year } : {}),
              ...(opts.utcOffset !== undefined ? { utcOffsetMinutes: opts.utcOffset } : {}),
            },
            extraDetectors,
          });
          try {
            await writeOutput(result, opts.out);
          } finally {
            await result.dispose();
          }
          if (opts.json)
            process.stdout.write(
              `${JSON.stringify({ out: opts.out, eventCount: result.eventCount, sigma, detections: result.detections, problems: result.problems }, null, 2)}\n`,
            );
          else printSummary(result, opts.out, sigma);
        } catch (error) {
          process.stderr.write(
            `トリアージに失敗しました / triage failed: ${error instanceof Error ? error.message : String(error)}\n`,
          );
          process.exitCode = 1;
        }
      })
  );
}
