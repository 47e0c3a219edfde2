import path, { resolve } from "node:path";
import { Command } from "commander";
import { printResult } from "../../output/print";
import { openConfiguredDb } from "./open-db";

export function createBackupCommand(): Command {
  return new Command("backup")
    .description(
      "データベースと証拠保管庫を一貫した状態で1つのファイルに保存する / Write a consistent backup of the database and the evidence vault",
    )
    .argument("<file>", "出力ファイル (.zip) / output file (.zip)")
    .option(
      "--keys-out <file>",
      "鍵フォルダをパスフレーズで暗号化して別ファイルに書き出す (バックアップとは別に保管) / also write the key folder, passphrase-encrypted, to this separate file",
    )
    .option("--passphrase-stdin", "パスフレーズを標準入力から読む / read the passphrase from stdin")
    .option("--json", "JSON で出力 / print JSON")
    .action(async (file: string, opts: { json?: boolean; keysOut?: string; passphraseStdin?: boolean }) => {
      // Asked first, so a long backup is not followed by a prompt nobody is watching.
      const passphrase = opts.keysOut ? await askNewPassphrase(Boolean(opts.passphraseStdin)) : undefined;
      const handle = await openConfiguredDb();
      try {
        const [{ writeBackupArchive }, { createProgressReporter }, dataDir] = await Promise.all([
          import("./backup-archive"),
          import("@sonae/evidence"),
          configuredDataDir(),
        ]);
        const progress = createProgressReporter(process.stderr, { ja: "バックアップ中", en: "Backing up" });
        const summary = await writeBackupArchive(handle, resolve(file), {
          dataDir,
          onProgress: (p) => progress.update(p),
        }).finally(() => progress.stop());
        let keys: string[] | undefined;
        if (opts.keysOut && passphrase !== undefined) {
          const { exportKeys } = await import("./keys-archive");
          keys = await exportKeys(path.join(dataDir, "keys"), resolve(opts.keysOut), passphrase);
        }
        printResult(
          {
            status: "backed-up",
            ...summary,
            ...(keys ? { keysFile: resolve(opts.keysOut ?? ""), keys } : {}),
          },
          Boolean(opts.json),
        );
        process.stderr.write(keysNotice(dataDir, Boolean(keys)));
      } finally {
        await handle.close();
      }
    });
}

export function createRestoreCommand(): Command {
  return new Command("restore")
    .description(
      "バックアップを空のデータベースとデータフォルダに復元する (全部か無しか) / Restore a backup into an empty database and data folder (all or nothing)",
    )
    .argument(
      "<file>",
      "バックアップファイル (.zip, 旧形式の .jsonl.gz も可) / backup file (.zip, or an old .jsonl.gz)",
    )
    .option(
      "--keys <file>",
      "`sonae backup --keys-out` の暗号化された鍵ファイルも復元する / also restore the keys from a `sonae backup --keys-out` file",
    )
    .option("--passphrase-stdin", "パスフレーズを標準入力から読む / read the passphrase from stdin")
    .option("--json", "JSON で出力 / print JSON")
    .action(async (file: string, opts: { json?: boolean; keys?: string; passphraseStdin?: boolean }) => {
      // The keys are decrypted before anything is restored: a wrong passphrase changes nothing.
      let keyFiles: Map<string, Buffer> | undefined;
      if (opts.keys) {
        const [{ decryptKeysFile }, { readSecret }] = await Promise.all([
          import("./keys-archive"),
          import("../admin/read-secret"),
        ]);
        const passphrase = await readSecret(
          "鍵ファイルのパスフレーズ / Keys passphrase: ",
          Boolean(opts.passphraseStdin),
        );
        keyFiles = await decryptKeysFile(resolve(opts.keys), passphrase);
      }
      const handle = await openConfiguredDb();
      try {
        const [{ restoreBackup }, { createProgressReporter }, dataDir] = await Promise.all([
          import("./restore-archive"),
          import("@sonae/evidence"),
          configuredDataDir(),
        ]);
        const progress = createProgressReporter(process.stderr, { ja: "復元中", en: "Restoring" });
        const summary = await restoreBackup(handle, resolve(file), {
          dataDir,
          onProgress: (p) => progress.update(p),
        }).finally(() => progress.stop());
        let keys: string[] | undefined;
        if (keyFiles) {
          const { writeKeyFiles } = await import("./keys-archive");
          keys = await writeKeyFiles(path.join(dataDir, "keys"), keyFiles);
        }
        printResult(
          {
            status: "restored",
            ...summary,
            missingEvidence: summary.missingEvidence.length,
            ...(keys ? { keys } : {}),
          },
          Boolean(opts.json),
        );
        if (summary.kind === "database-only" && summary.missingEvidence.length > 0) {
          process.stderr.write(
            `警告: 旧形式のバックアップ (データベースのみ) です。証拠ファイル ${summary.missingEvidence.length} 件が ${path.join(dataDir, "evidence")} にありません。元の環境の evidence フォルダを同じ場所にコピーしてください。\n` +
              `Warning: this is an old database-only backup. ${summary.missingEvidence.length} evidence files are missing from ${path.join(dataDir, "evidence")}; copy the evidence folder of the original installation there.\n`,
          );
        }
      } finally {
        await handle.close();
      }
    });
}

/** A new passphrase: typed twice at a hidden prompt, or once on stdin for scripts. */
async function askNewPassphrase(fromStdin: boolean): Promise<string> {
  const [{ readSecret }, { MIN_PASSPHRASE_LENGTH }, { AppError }] = await Promise.all([
    import("../admin/read-secret"),
    import("./keys-archive"),
    import("@sonae/core"),
  ]);
  const first = await readSecret(
    `鍵ファイルのパスフレーズ (${MIN_PASSPHRASE_LENGTH} 文字以上) / Keys passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters): `,
    fromStdin,
  );
  if (fromStdin || !process.stdin.isTTY) return first;
  const again = await readSecret("もう一度 / Again: ", false);
  if (again !== first) {
    throw new AppError("VALIDATION", {
      field: "passphrase",
      detail: { ja: "パスフレーズが一致しません。", en: "The passphrases do not match." },
    });
  }
  return first;
}

async function configuredDataDir(): Promise<string> {
  const { loadConfig } = await import("@sonae/server/config");
  return loadConfig().dataDir;
}

/**
 * Keys are deliberately left out of every backup: a stolen backup must neither reveal hub report
 * payloads (encrypted under the hub KEK) nor let anyone sign evidence as this installation.
 */
export function keysNotice(
  dataDir: string,
  wroteKeysFile = false,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const keys = path.join(dataDir, "keys");
  const kekEnv = env.SONAE_HUB_KEK
    ? { ja: "（環境変数 SONAE_HUB_KEK の値も）", en: " (and the value of SONAE_HUB_KEK)" }
    : { ja: "", en: "" };
  return (
    `\n注意: 鍵はバックアップに含めていません。盗まれたバックアップからハブの報告内容を読まれたり、この環境として証拠に署名されたりしないためです。\n` +
    `  次のフォルダ${kekEnv.ja}をバックアップとは別の安全な場所（暗号化したオフライン媒体など）に保管してください:\n` +
    `  ${keys}  （証拠署名鍵 evidence-signing.key、ハブの鍵暗号化鍵 hub-kek、ハブ送信用の署名鍵 hub-org-ed25519.pem）\n` +
    `  鍵を失うと、ハブに保存した報告は読めなくなります。\n` +
    (wroteKeysFile
      ? "  --keys-out の暗号化した鍵ファイルも、バックアップとは別の場所に保管し、パスフレーズはさらに別に管理してください。\n"
      : "") +
    `Note: keys are not in the backup, so that a stolen backup can neither reveal hub report payloads nor sign evidence as this installation.\n` +
    `  Keep this folder${kekEnv.en} separately from the backup, somewhere safe (e.g. an encrypted offline medium):\n` +
    `  ${keys}  (evidence signing key evidence-signing.key, hub key-encryption key hub-kek, hub submission key hub-org-ed25519.pem)\n` +
    `  Without the hub KEK, reports stored on a hub cannot be read again.\n` +
    (wroteKeysFile
      ? "  Keep the encrypted --keys-out file apart from the backup too, and the passphrase apart from both.\n"
      : "")
  );
}
