import { type Command, CommanderError } from "commander";
import { reportError } from "./output/print";
import { createProgram } from "./program";

const program = createProgram();
// Commander exits with 1 on a usage mistake; scripts need 2 (usage error) to tell it from a failed check.
const overrideExit = (command: Command): void => {
  command.exitOverride();
  for (const sub of command.commands) overrideExit(sub);
};
overrideExit(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  process.exitCode = reportError(error);
});
