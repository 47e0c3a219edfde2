import { createKeysCommand, createPreserveCommand, createVerifyCommand } from "@sonae/evidence";
import { createKevCommand } from "@sonae/kev";
import { createIdentifyCommand } from "@sonae/ransomware";
import { createTriageCommand } from "@sonae/triage";
import { Command } from "commander";
import { createAdminCommand } from "./commands/admin/create";
import { createBackupCommand, createRestoreCommand } from "./commands/db/backup";
import { createMigrateCommand } from "./commands/db/migrate";
import { createStartCommand } from "./commands/server/start";

export const VERSION = "0.1.0";

/** The `sonae` command: every sub-command has Japanese and English help. */
export function createProgram(): Command {
  const program = new Command("sonae")
    // Root options (-V/--version) only before a sub-command: `sonae kev match --version 7.0.10` is the
    // device's version, not a request for Sonae's own version.
    .enablePositionalOptions()
    .description("Sonae (備え) — サイバー事案への備えと対応 / cyber-incident readiness and response")
    .version(VERSION, "-V, --version", "バージョンを表示 / show the version")
    .helpOption("-h, --help", "ヘルプを表示 / show help")
    .addHelpCommand("help [command]", "コマンドのヘルプ / help for a command")
    .showHelpAfterError("(--help でヘルプを表示 / run with --help for usage)");
  program.addCommand(createStartCommand());
  program.addCommand(createMigrateCommand());
  program.addCommand(createAdminCommand());
  program.addCommand(createBackupCommand());
  program.addCommand(createRestoreCommand());
  program.addCommand(createPreserveCommand());
  program.addCommand(createVerifyCommand());
  program.addCommand(createKeysCommand());
  program.addCommand(createIdentifyCommand());
  program.addCommand(createTriageCommand());
  program.addCommand(createKevCommand());
  return program;
}
