import { Command } from "commander";
import { printResult } from "../../output/print";
import { openConfiguredDb } from "./open-db";

export function createMigrateCommand(): Command {
  return new Command("migrate")
    .description("データベースのマイグレーションを適用する / Apply database migrations")
    .option("--json", "JSON で出力 / print JSON")
    .action(async (opts: { json?: boolean }) => {
      const handle = await openConfiguredDb();
      await handle.close();
      printResult(
        { status: "migrated", database: handle.kind, location: handle.location },
        Boolean(opts.json),
      );
    });
}
