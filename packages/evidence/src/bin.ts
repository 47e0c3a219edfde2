/**
 * Standalone entry for machines without the Sonae server: `tsx packages/evidence/src/bin.ts preserve …`.
 * The main `sonae` CLI adds the same commands; this file exists so a responder can run preservation
 * from a copy of the repository on the affected machine with nothing but Node 20.
 */
import { Command, CommanderError } from "commander";
import { createKeysCommand } from "./cli/keys-command";
import { createPreserveCommand } from "./cli/preserve-command";
import { createVerifyCommand } from "./cli/verify-command";

const program = new Command("sonae-evidence")
  .description("証拠保全ツール / Sonae evidence preservation")
  .exitOverride()
  .addCommand(createPreserveCommand())
  .addCommand(createVerifyCommand())
  .addCommand(createKeysCommand());
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander reports usage problems itself; map them to exit code 2 (usage error).
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
  else throw error;
}
