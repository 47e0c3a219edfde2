/** `sonae triage` alone (no other CLI commands loaded), for the whole-process benchmark. */
import { createTriageCommand } from "../src/cli/triage-command";

await createTriageCommand().parseAsync(process.argv);
