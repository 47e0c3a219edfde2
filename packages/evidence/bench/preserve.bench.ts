/**
 * `npm run bench:preserve`: Sonae preserve (SHA-256 + deflate + ZIP64 in one read pass) against
 * `sha256sum` (hash only) and `zip -r` (compress only) on the same ~1 GB of log-like files, in one
 * run. All read the same files from the page cache (sha256sum runs first and warms it).
 * Needs Debian `zip` and coreutils. Figures are measured here, never hard-coded.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { verifyBundle } from "../src/verify/verify-bundle";
import { generateLogs } from "./generate-logs";

interface ChildResult {
  seconds: number;
  bytes: number;
  bundleSize: number;
  maxRssKb: number;
  startRssKb: number;
}

const TOTAL = Number(process.env.BENCH_BYTES ?? 1e9);
const dir = await mkdtemp(path.join(os.tmpdir(), "sonae-bench-preserve-"));
const data = path.join(dir, "data");

function timeCommand(label: string, command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: data, stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`${label} failed (${run.status ?? run.error?.message})`);
  return (performance.now() - started) / 1000;
}

/** Runs preserve-child in its own process (its peak RSS is then Sonae's alone). */
function runChild(nodeArgs: string[], bundleName: string): ChildResult {
  const args = [...nodeArgs, data, path.join(dir, bundleName), path.join(dir, "keys")];
  const child = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`sonae preserve failed: ${child.stdout}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as ChildResult;
}

/**
 * The shipped CLI is built (STYLE: "only server/web/cli build"), so it runs on plain Node without
 * tsx's loader thread: bundle the child with the esbuild tsx itself depends on.
 */
async function bundleChild(outfile: string): Promise<string | undefined> {
  try {
    const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx"));
    const esbuild = (await import(pathToFileURL(fromTsx.resolve("esbuild")).href)) as {
      build(options: Record<string, unknown>): Promise<unknown>;
    };
    await esbuild.build({
      entryPoints: [path.join(import.meta.dirname, "preserve-child.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "warning",
    });
    return outfile;
  } catch (error) {
    process.stdout.write(`(built-CLI run not measured: esbuild not found through tsx: ${String(error)})\n`);
    return undefined;
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

try {
  process.stdout.write(`generating ${(TOTAL / 1e9).toFixed(2)} GB of log-like text in ${data} …\n`);
  const bytes = await generateLogs(data, TOTAL, 48);
  const files = execFileSync("find", [".", "-type", "f"], { cwd: data }).toString().trim().split("\n");

  const shaSeconds = timeCommand("sha256sum", "sha256sum", files);
  const zipSeconds = timeCommand("zip -r", "zip", ["-r", "-q", path.join(dir, "zip-6.zip"), "."]);
  const zip1Seconds = timeCommand("zip -r -1", "zip", ["-r", "-q", "-1", path.join(dir, "zip-1.zip"), "."]);
  const sonae = runChild(
    ["--import", import.meta.resolve("tsx"), path.join(import.meta.dirname, "preserve-child.ts")],
    "sonae.zip",
  );
  if (sonae.bytes !== bytes) throw new Error(`sonae preserved ${sonae.bytes} bytes, expected ${bytes}`);
  const bundled = await bundleChild(path.join(dir, "preserve-child.mjs"));
  const built = bundled ? runChild([bundled], "sonae-built.zip") : undefined;
  const verifyStarted = performance.now();
  const report = await verifyBundle(path.join(dir, "sonae.zip"));
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  if (!report.ok)
    throw new Error(`bundle failed verification: ${JSON.stringify(report.failures.slice(0, 3))}`);

  const rows: Array<[string, number, string]> = [
    ["sha256sum (hash only)", shaSeconds, "-"],
    ["zip -r -q (deflate -6, compress only)", zipSeconds, mb((await stat(path.join(dir, "zip-6.zip"))).size)],
    [
      "zip -r -q -1 (deflate -1, compress only)",
      zip1Seconds,
      mb((await stat(path.join(dir, "zip-1.zip"))).size),
    ],
    ["sonae preserve via tsx (SHA-256 + deflate -1 + ZIP64 + signed)", sonae.seconds, mb(sonae.bundleSize)],
    ...(built
      ? [
          ["sonae preserve, built (esbuild bundle, plain node)", built.seconds, mb(built.bundleSize)] as [
            string,
            number,
            string,
          ],
        ]
      : []),
    ["sonae verify (inflate + SHA-256 + chain + signature)", verifySeconds, "-"],
  ];
  process.stdout.write(
    `\ninput: ${files.length} files, ${mb(bytes)}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(2)}\n`,
  );
  for (const [label, seconds, size] of rows) {
    const rate = `${(bytes / 1e6 / seconds).toFixed(1)} MB/s`;
    process.stdout.write(
      `${label.padEnd(66)} ${seconds.toFixed(2).padStart(7)} s  ${rate.padStart(12)}  output ${size}\n`,
    );
  }
  process.stdout.write(
    `\nsonae vs zip -r:        ${(zipSeconds / sonae.seconds).toFixed(2)}x faster (while also hashing)\n` +
      `sonae vs zip -r -1:     ${(zip1Seconds / sonae.seconds).toFixed(2)}x\n` +
      `sonae vs sha256sum:     ${(shaSeconds / sonae.seconds).toFixed(2)}x\n` +
      `sonae peak RSS (tsx):   ${(sonae.maxRssKb / 1024).toFixed(1)} MB (target < 150 MB; ${(sonae.startRssKb / 1024).toFixed(1)} MB before any work: Node + tsx + modules)\n`,
  );
  if (built) {
    process.stdout.write(
      `sonae peak RSS (built): ${(built.maxRssKb / 1024).toFixed(1)} MB (${(built.startRssKb / 1024).toFixed(1)} MB before any work)\n`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
