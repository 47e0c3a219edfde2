import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { EvidenceError } from "@sonae/evidence";
import { runCollection } from "../collect/run-collection";
import { KIT_ASSET, type KitConfig, ZKitConfig } from "./kit-config";
import { both, formatBytes, KitConsole } from "./kit-console";
import { hashFile, offerUpload } from "./kit-upload-step";

/** Exit codes: 0 complete, 2 bundle made but some targets failed, 1 no bundle, 130 interrupted. */
export const KIT_EXIT = { complete: 0, failed: 1, incomplete: 2, interrupted: 130 } as const;

/** The configuration built into this executable (SEA asset), or `--config` when run by plain Node. */
function loadConfig(configPath: string | undefined): KitConfig {
  let text: string;
  if (configPath) text = readFileSync(configPath, "utf8");
  else {
    // node:sea exists only in Node ≥ 20.12; required lazily so plain-Node tests never touch it.
    const sea = require("node:sea") as { isSea(): boolean; getAsset(key: string, encoding: string): string };
    if (!sea.isSea())
      throw new Error(both("キットの設定がありません (--config)", "No kit configuration (--config)"));
    text = sea.getAsset(KIT_ASSET, "utf8");
  }
  return ZKitConfig.parse(JSON.parse(text));
}

function isAdministrator(platform: KitConfig["platform"]): boolean {
  if (platform === "linux-x64") return process.getuid?.() === 0;
  try {
    execFileSync("net", ["session"], { stdio: "ignore", windowsHide: true });
    return true;
  } catch {
    return false;
  }
}

const KIT_USAGE = [
  "使い方 / Usage: sonae-kit [--examiner 氏名] [--out 出力フォルダー] [--upload yes|no] [--upload-only バンドル]",
  "  --examiner     作業者の氏名 (省略すると尋ねます) / the examiner's name (asked when left out)",
  "  --out          バンドルを書くフォルダー (既定: キットのあるフォルダー) / folder for the bundle (default: the kit's folder)",
  "  --upload       収集後に Sonae へ送るか (省略すると尋ねます) / upload to Sonae afterwards (asked when left out)",
  "  --upload-only  作成済みのバンドルを送るだけ (中断した送信の再開) / only upload an existing bundle (resumes)",
  "  --help, -h     この説明 / this help",
].join("\n");

function parseKitArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      config: { type: "string" },
      out: { type: "string" },
      examiner: { type: "string" },
      upload: { type: "string" },
      "upload-only": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}

/** The kit's whole run on the victim's machine; returns the exit code. */
export async function runKit(argv: string[], out = new KitConsole()): Promise<number> {
  let values: ReturnType<typeof parseKitArgs>;
  try {
    values = parseKitArgs(argv);
  } catch (error) {
    out.line(
      both(
        `引数が正しくありません: ${(error as Error).message}`,
        `Wrong arguments: ${(error as Error).message}`,
      ),
    );
    out.line(KIT_USAGE);
    return KIT_EXIT.failed;
  }
  if (values.help) {
    out.line(KIT_USAGE);
    return KIT_EXIT.complete;
  }
  const config = loadConfig(values.config);
  const uploadChoice = values.upload === "yes" || values.upload === "no" ? values.upload : undefined;
  const uploadOnly = values["upload-only"];
  if (uploadOnly) {
    const bundle = path.resolve(uploadOnly);
    const uploaded = await offerUpload(config, bundle, await hashFile(bundle), out, "yes");
    return uploaded ? KIT_EXIT.complete : KIT_EXIT.failed;
  }
  const outDir = path.resolve(values.out ?? (values.config ? process.cwd() : path.dirname(process.execPath)));
  out.header(config, isAdministrator(config.platform));
  let examiner = values.examiner?.trim();
  if (!examiner) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    examiner = (await rl.question(`${config.examinerPrompt.ja} / ${config.examinerPrompt.en}: `)).trim();
    rl.close();
  }
  if (!examiner) {
    out.line(both("作業者名が入力されなかったため中止しました。", "No examiner name was entered: stopped."));
    return KIT_EXIT.failed;
  }
  out.line(both(`作業者: ${examiner}  出力先: ${outDir}`, `Examiner: ${examiner}  Output folder: ${outDir}`));
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const platform = config.platform === "windows-x64" ? "windows" : "linux";
  const index = {
    current: 0,
    total:
      config.targets.filter((t) => t.platform === platform).length + (config.extraPaths.length > 0 ? 1 : 0),
  };
  try {
    const result = await runCollection({
      config,
      examiner,
      outDir,
      signal: controller.signal,
      onEvent: (e) => out.event(e, index),
    });
    out.line();
    const failed = result.outcomes.filter((o) => o.status === "failed" || o.status === "partial");
    if (failed.length > 0) {
      out.line(
        both(
          `不完全: 次の ${failed.length} 件は収集できなかった部分があります (バンドル内 collection.json に理由を記録):`,
          `INCOMPLETE: ${failed.length} targets were not (fully) collected (reasons in collection.json inside the bundle):`,
        ),
      );
      for (const o of failed)
        out.line(
          `  - ${o.title.ja} / ${o.title.en}${o.problems.some((p) => p.needsAdmin) ? both(" [管理者権限で再実行してください]", " [run again as administrator]") : ""}`,
        );
    } else out.line(both("すべての対象を収集しました。", "Every target was collected."));
    out.line(both(`バンドル: ${result.bundlePath}`, `Bundle: ${result.bundlePath}`));
    out.line(`SHA-256: ${result.sha256}  (${formatBytes(result.bundleSize)})`);
    if (result.encrypted)
      out.line(
        both(
          "バンドルは組織の鍵で暗号化されています (Sonae だけが復号できます)。",
          "The bundle is encrypted to the organisation key (only Sonae can decrypt it).",
        ),
      );
    if (!config.uploadUrl)
      out.line(
        both(
          "このファイルを Sonae のインシデントの証拠ページにアップロードしてください。",
          "Upload this file on the incident's evidence page in Sonae.",
        ),
      );
    await offerUpload(config, result.bundlePath, result.sha256, out, uploadChoice);
    writeLog(result.bundlePath.replace(/\.zip(\.sonae-enc)?$/, ".log.txt"), out.lines);
    return failed.length > 0 ? KIT_EXIT.incomplete : KIT_EXIT.complete;
  } catch (error) {
    const interrupted =
      controller.signal.aborted || (error instanceof EvidenceError && error.code === "INTERRUPTED");
    out.line();
    if (interrupted)
      out.line(
        both(
          "中断しました。バンドルは作成されていません。もう一度実行すると最初からやり直します。",
          "Interrupted: no bundle was made. Run the kit again to start over.",
        ),
      );
    else if (error instanceof EvidenceError)
      out.line(both(`失敗しました: ${error.text.ja}`, `Failed: ${error.text.en}`));
    else
      out.line(
        both(
          `失敗しました: ${String((error as Error).message)}`,
          `Failed: ${String((error as Error).message)}`,
        ),
      );
    writeLog(path.join(outDir, `sonae-kit-failed-${Date.now()}.log.txt`), out.lines);
    return interrupted ? KIT_EXIT.interrupted : KIT_EXIT.failed;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function writeLog(file: string, lines: string[]): void {
  try {
    writeFileSync(file, `${lines.join("\n")}\n`, { flag: "wx" });
  } catch {
    // the console already showed everything; a log that cannot be written (disk full) is not fatal
  }
}
