import { Command, InvalidArgumentError, Option } from "commander";
import { EvidenceError } from "../errors/evidence-error";
import type { ExtraHashAlgorithm } from "../manifest/manifest-types";
import { preserveEvidence } from "../preserve/preserve-evidence";
import { createProgressReporter } from "./progress-reporter";

/** `sonae preserve <paths…> --case <id> --examiner <name> --out <bundle.zip>` */
export function createPreserveCommand(): Command {
  return new Command("preserve")
    .helpOption("-h, --help", "ヘルプを表示 / show help")
    .description("証拠を保全する (サーバ不要) / Preserve evidence into a signed bundle (no server needed)")
    .argument("<paths...>", "保全するファイル・フォルダ / files and folders to preserve")
    .requiredOption("--case <id>", "事件・インシデント番号 / case or incident id")
    .requiredOption("--examiner <name>", "保全担当者 / examiner name")
    .requiredOption("--out <bundle.zip>", "出力先 (既存なら中止) / output bundle (never overwritten)")
    .addOption(
      new Option("--hash <algorithms>", "追加ハッシュ (sha1,md5) / extra hashes")
        .argParser(parseHashes)
        .default([], "なし / none"),
    )
    .addOption(
      new Option("--level <0-9>", "圧縮レベル (0=無圧縮) / compression level")
        .argParser(parseLevel)
        .default(1),
    )
    .option("--key-dir <dir>", "署名鍵のフォルダ / signing key folder (default $SONAE_DATA_DIR/keys)")
    .option("--resume", "中断した保全を再開する / resume an interrupted run", false)
    .option("--ntp-server <host>", "時刻確認の NTP サーバ / NTP server for the clock check", "ntp.nict.jp")
    .option("--no-ntp", "NTP による時刻確認をしない / skip the NTP clock check")
    .option("--json", "結果を JSON で出力 / print the result as JSON", false)
    .action(async (paths: string[], opts: PreserveFlags) => {
      const controller = new AbortController();
      const onSignal = () => controller.abort(new Error("SIGINT"));
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      const progress = createProgressReporter();
      try {
        const result = await preserveEvidence({
          paths,
          caseId: opts.case,
          examiner: opts.examiner,
          outPath: opts.out,
          keyDir: opts.keyDir,
          extraHashes: opts.hash,
          compressionLevel: opts.level,
          resume: opts.resume,
          ntpServer: opts.ntp ? opts.ntpServer : null,
          signal: controller.signal,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        const { totals } = result.manifest;
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ ok: true, outPath: result.outPath, bundleSize: result.bundleSize, totals, signer: result.manifest.signer, problems: result.manifest.problems }, null, 2)}\n`,
          );
        } else {
          process.stdout.write(
            `保全完了 / Preserved: ${result.outPath}\n  ファイル/files ${totals.files}, ${totals.bytes} bytes, 問題/problems ${totals.problems}, 読取中の変更/changed while reading ${totals.changedWhileReading}\n  署名者/signer ${result.manifest.signer.fingerprint}\n`,
          );
          for (const p of result.manifest.problems)
            process.stdout.write(`  - ${p.reason.ja} / ${p.reason.en}: ${p.sourcePath}\n`);
        }
      } catch (error) {
        progress.stop();
        reportFailure(error, opts.json);
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
}

interface PreserveFlags {
  case: string;
  examiner: string;
  out: string;
  hash: ExtraHashAlgorithm[];
  level: number;
  keyDir?: string;
  resume: boolean;
  ntp: boolean;
  ntpServer: string;
  json: boolean;
}

/** Prints an error (Japanese first) and sets exit code 2 for usage errors, 1 otherwise. */
export function reportFailure(error: unknown, json: boolean): void {
  const usage =
    error instanceof EvidenceError &&
    ["OUTPUT_EXISTS", "PREVIOUS_RUN_EXISTS", "NOTHING_TO_RESUME", "RESUME_MISMATCH", "NO_INPUT"].includes(
      error.code,
    );
  const body =
    error instanceof EvidenceError
      ? { ok: false, code: error.code, message: error.text }
      : {
          ok: false,
          code: "INTERNAL",
          message: { ja: `予期しないエラー: ${String(error)}`, en: `Unexpected error: ${String(error)}` },
        };
  if (json) process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  else process.stderr.write(`エラー: ${body.message.ja}\nError: ${body.message.en}\n`);
  process.exitCode = usage ? 2 : 1;
}

function parseHashes(value: string): ExtraHashAlgorithm[] {
  const list = value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const item of list) {
    if (item !== "sha1" && item !== "md5")
      throw new InvalidArgumentError("sha1 / md5 のみ / only sha1 and md5");
  }
  return [...new Set(list)] as ExtraHashAlgorithm[];
}

function parseLevel(value: string): number {
  const level = Number(value);
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new InvalidArgumentError("0〜9 / 0 to 9");
  return level;
}
