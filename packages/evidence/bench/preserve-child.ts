/**
 * Runs one preservation in its own process so the benchmark can read this process's peak RSS
 * (getrusage ru_maxrss) without the parent's data-generation buffers counting against it.
 */
import { preserveEvidence } from "../src/preserve/preserve-evidence";

const [source, outPath, keyDir, level] = process.argv.slice(2);
if (!source || !outPath || !keyDir) throw new Error("usage: preserve-child <source> <out> <keyDir> [level]");
const startRssKb = Math.round(process.memoryUsage().rss / 1024); // Node + tsx + modules, before any work
const started = performance.now();
const result = await preserveEvidence({
  paths: [source],
  caseId: "BENCH",
  examiner: "bench",
  outPath,
  keyDir,
  ntpServer: null,
  compressionLevel: level === undefined ? undefined : Number(level),
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ seconds, bytes: result.manifest.totals.bytes, files: result.manifest.totals.files, bundleSize: result.bundleSize, maxRssKb: process.resourceUsage().maxRSS, startRssKb })}\n`,
);
