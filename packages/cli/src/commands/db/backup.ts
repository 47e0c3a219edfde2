import { resolve } from "node:path";
import { Command } from "commander";
import { printResult } from "../../output/print";
import { openConfiguredDb } from "./open-db";

export function createBackupCommand(): Command {
  return new Command("backup")
    .description("データベースを一貫した状態でファイルに保存する / Write a consistent dump of the database")
    .argument("<file>", "出力ファイル (.jsonl.gz) / output file")
    .option("--json", "JSON で出力 / print JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const handle = await openConfiguredDb();
      try {
        const { dumpDatabase } = await import("@sonae/db");
        const summary = await dumpDatabase(handle, resolve(file));
        printResult({ status: "backed-up", ...summary }, Boolean(opts.json));
      } finally {
        await handle.close();
      }
    });
}

export function createRestoreCommand(): Command {
  return new Command("restore")
    .description("バックアップを空のデータベースに復元する / Restore a dump into an empty database")
    .argument("<file>", "バックアップファイル / backup file")
    .option("--json", "JSON で出力 / print JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const handle = await openConfiguredDb();
      try {
        const { restoreDatabase } = await import("@sonae/db");
        const summary = await restoreDatabase(handle, resolve(file));
        printResult({ status: "restored", ...summary }, Boolean(opts.json));
      } finally {
        await handle.close();
      }
    });
}
