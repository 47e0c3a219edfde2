import { createWriteStream, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import { Command, InvalidArgumentError } from "commander";
import { indexFindingsByEvent } from "../detections/finding-index";
import type { StreamedTriage } from "../pipeline/stream-triage";
import { runSigmaRules } from "../sigma/run-sigma-rules";
import { loadSigmaRuleSet, type SigmaRunSummary, summariseSigmaRuleSet } from "../sigma/sigma-rule-set";
import { streamBuildTimeline } from "../timeline/build-timeline";
import { type TSeverity, type TTimelineEvent, ZSeverity } from "../timeline/timeline-event";
import { writeTimelineCsv, writeTimelineJsonl } from "../timeline/write-timeline";
import { textCandidates, unreadInputs } from "./check-inputs";
import { createProgressReporter } from "./triage-progress";
import { formatFirstResponse, formatTriageReport } from "./triage-report";

interface TriageOptions {
  out: string;
  json?: boolean;
  summary?: boolean;
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

/** The events as they stream past, with the file names they came from noted on the way. */
async function* noteSources(
  events: AsyncIterable<TTimelineEvent>,
  seen: Set<string>,
): AsyncGenerator<TTimelineEvent> {
  for await (const e of events) {
    seen.add(e.source);
    yield e;
  }
}

/**
 * Writes the timeline (streamed from disk) to a temporary file and renames it, so a failure never
 * leaves half a file. Files the user named that gave no event at all are returned instead, and
 * then nothing is written: exiting 0 on them would read as "nothing found" when nothing was read.
 */
async function writeOutput(result: StreamedTriage, out: string, candidates: string[]): Promise<string[]> {
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp);
  const seen = new Set<string>();
  try {
    const findings = indexFindingsByEvent(result.detections);
    const events = noteSources(result.events(), seen);
    if (/\.jsonl$/i.test(out)) await writeTimelineJsonl(events, stream, findings);
    else await writeTimelineCsv(events, stream, findings);
    stream.end();
    await finished(stream);
    const unread = unreadInputs(candidates, seen);
    if (unread.length > 0) await rm(temp, { force: true });
    else await rename(temp, out);
    return unread;
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

/**
 * `sonae triage <paths…> --out timeline.csv`: EVTX files, text logs, folders and evidence
 * bundles (.zip) → one UTC timeline (CSV for Excel, or JSONL when --out ends in .jsonl) plus
 * first-response detections. Exit codes: 0 done, 1 triage failed, 2 usage error or an input that
 * is neither EVTX nor a supported log.
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
        "--summary",
        "初動の要点（誰が・どこから・いつ・何を止めたか）だけを表示 / print only the first-response answers (who, from where, when first, what was turned off)",
      )
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
          const candidates = await textCandidates(paths);
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
          let unread: string[];
          try {
            unread = await writeOutput(result, opts.out, candidates);
          } finally {
            await result.dispose();
          }
          if (unread.length > 0) {
            process.stderr.write(
              `${unread.map((f) => `EVTX でも対応するテキストログでもありません（認証・VPN の行が 1 行もありません）: ${f}\nNot an EVTX file or a supported text log (no authentication or VPN line found): ${f}`).join("\n")}\n`,
            );
            process.exitCode = 2;
            return;
          }
          if (opts.json)
            process.stdout.write(
              `${JSON.stringify({ out: opts.out, eventCount: result.eventCount, sigma, detections: result.detections, problems: result.problems }, null, 2)}\n`,
            );
          else if (opts.summary) process.stdout.write(formatFirstResponse(result));
          else process.stdout.write(formatTriageReport(result, opts.out, sigma));
        } catch (error) {
          process.stderr.write(
            `トリアージに失敗しました / triage failed: ${error instanceof Error ? error.message : String(error)}\n`,
          );
          process.exitCode = 1;
        }
      })
  );
}
