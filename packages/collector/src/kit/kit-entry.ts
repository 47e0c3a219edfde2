// Entry point bundled into the kit executable (build-kit.ts): runs the kit and exits with its code.
import { runKit } from "./run-kit";

runKit(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
