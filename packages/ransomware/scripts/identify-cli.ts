/**
 * Stand-alone entry for `sonae identify` until the CLI package wires the command in:
 * npx tsx packages/ransomware/scripts/identify-cli.ts identify <file…> [--ext .xyz] [--json]
 */
import { Command } from "commander";
import { createIdentifyCommand } from "../src/index";

// Commander's own usage errors (missing argument, unknown option) exit with 1; the CLI convention says 2.
const toUsageExit = (error: { exitCode: number }): never =>
  process.exit(error.exitCode === 1 ? 2 : error.exitCode);
const identify = createIdentifyCommand().exitOverride(toUsageExit);
new Command("sonae").addCommand(identify).exitOverride(toUsageExit).parse(process.argv);
