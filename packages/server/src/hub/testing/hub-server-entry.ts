/**
 * The hub server as `sonae start` runs it (startServer with SONAE_MODE=hub from the environment),
 * without the CLI's other commands: the kill test and the benchmark restart it often.
 */
import { startServer } from "../../start-server";

await startServer({ webDistDir: undefined });
