import { Command } from "commander";
import { identifyRansomware } from "../identify/identify-ransomware";
import { formatResult } from "./print-result";
import { readInputFiles } from "./read-input-files";

/** Exit codes: 0 identified, 1 unknown (nothing convincing), 2 usage error (bad or unreadable input). */
export const EXIT_IDENTIFIED = 0;
export const EXIT_UNKNOWN = 1;
export const EXIT_USAGE = 2;

export type IdentifyOptions = { ext?: string; artefact?: string[]; json?: boolean };

/** Runs the identification for CLI arguments; returns what to print and the exit code. */
export function runIdentify(files: string[], opts: IdentifyOptions): { output: string; exitCode: number } {
  let inputs: ReturnType<typeof readInputFiles>;
  try {
    inputs = readInputFiles(files);
  } catch (error) {
    return {
      output: `ファイルを読めません / Cannot read input: ${(error as Error).message}`,
      exitCode: EXIT_USAGE,
    };
  }
  const result = identifyRansomware({
    ...inputs,
    ...(opts.ext ? { extension: opts.ext } : {}),
    ...(opts.artefact ? { artefacts: opts.artefact } : {}),
  });
  return {
    output: opts.json ? JSON.stringify(result, null, 2) : formatResult(result),
    exitCode: result.status === "identified" ? EXIT_IDENTIFIED : EXIT_UNKNOWN,
  };
}

/**
 * `sonae identify <file…> [--ext .xyz] [--artefact <value…>] [--json]`: identifies the family
 * from a ransom note and/or encrypted files. Files are read, never executed or rendered.
 */
export function createIdentifyCommand(): Command {
  return new Command("identify")
    .description(
      "ランサムノートや暗号化ファイルからランサムウェアの種類を推定する / Identify the ransomware family from a ransom note or encrypted files",
    )
    .argument("<file...>", "ランサムノートや暗号化されたファイル / ransom note and/or encrypted files")
    .option("--ext <extension>", "暗号化ファイルの拡張子 / extension of the encrypted files (e.g. .lockbit)")
    .option(
      "--artefact <value...>",
      "連絡先（onion, e-mail, Tox ID） / contact artefacts (onion, e-mail, Tox id)",
    )
    .option("--json", "JSON で出力する / print JSON")
    .addHelpText(
      "after",
      "\n終了コード / Exit codes: 0 特定 identified, 1 不明 unknown, 2 入力エラー usage error",
    )
    .action((files: string[], opts: IdentifyOptions, command: Command) => {
      const { output, exitCode } = runIdentify(files, opts);
      if (exitCode === EXIT_USAGE) command.error(output, { exitCode: EXIT_USAGE });
      process.stdout.write(`${output}\n`);
      process.exitCode = exitCode;
    });
}
