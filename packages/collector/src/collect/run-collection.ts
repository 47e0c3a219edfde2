import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type PreserveProgress, preserveEvidence, signingKeyFromPem } from "@sonae/evidence";
import type { KitConfig } from "../kit/kit-config";
import type { CollectionTarget } from "../targets/target-schema";
import { expandTargetPath } from "./expand-paths";
import { runTarget, type TargetOutcome } from "./run-target";

/** What the console shows while a kit runs. */
export type CollectEvent =
  | { type: "leftovers-removed"; names: string[] }
  | { type: "target-start"; target: CollectionTarget }
  | { type: "target-done"; outcome: TargetOutcome }
  | { type: "preserve-progress"; progress: PreserveProgress };

/** Input of one run on the machine. */
export interface CollectionRunOptions {
  config: KitConfig;
  examiner: string;
  outDir: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onEvent?: (event: CollectEvent) => void;
}

/** The finished run: where the bundle is, its SHA-256, and what each target did. */
export interface CollectionResult {
  bundlePath: string;
  sha256: string;
  bundleSize: number;
  outcomes: TargetOutcome[];
  /** False when any target failed: collection.json and the console say so. */
  complete: boolean;
}

const LEFTOVER = /^sonae-kit-.*\.(zip\.partial|zip\.journal|staging)$/;

/** The kit's custom target: paths the person added when the kit was made. */
function customTarget(config: KitConfig): CollectionTarget[] {
  if (config.extraPaths.length === 0) return [];
  const platform = config.platform === "windows-x64" ? "windows" : "linux";
  return [
    {
      id: "added-paths",
      platform,
      title: { ja: "追加した場所", en: "Added locations" },
      why: {
        ja: "キット作成時に追加された場所 (VPN 機器から書き出したログなど)",
        en: "Locations added when the kit was made (exported VPN appliance logs, …)",
      },
      needsAdmin: false,
      paths: config.extraPaths,
      source: { name: "Sonae kit", url: "https://github.com/" },
    },
  ];
}

/**
 * Runs the kit's targets, then preserves what they found into one bundle signed with the kit key.
 * Commands write only into a staging folder beside the bundle (never into collected folders);
 * the staging folder is removed afterwards, so the bundle (and the console log) is all that stays.
 * Leftovers of an interrupted run are removed first: they never claimed to be complete.
 */
export async function runCollection(options: CollectionRunOptions): Promise<CollectionResult> {
  const { config } = options;
  const outDir = path.resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const leftovers = (await readdir(outDir)).filter((n) => LEFTOVER.test(n));
  for (const name of leftovers) await rm(path.join(outDir, name), { recursive: true, force: true });
  if (leftovers.length > 0) options.onEvent?.({ type: "leftovers-removed", names: leftovers });

  const platform = config.platform === "windows-x64" ? "windows" : "linux";
  const targets = [...config.targets.filter((t) => t.platform === platform), ...customTarget(config)];
  // Before anything is written: the output (and its staging folder) must not be in a collected place.
  for (const target of targets) {
    for (const pattern of target.paths ?? []) {
      for (const p of await expandTargetPath(pattern, platform, options.env)) {
        if (outDir === p || outDir.startsWith(`${p}${path.sep}`)) throw outputInsideCollected(outDir, p);
      }
    }
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");
  const base = `sonae-kit-${safe(config.incident.reference)}-${safe(os.hostname())}-${stamp}`;
  const staging = path.join(outDir, `${base}.staging`);
  await mkdir(staging);
  try {
    const outcomes: TargetOutcome[] = [];
    for (const target of targets) {
      options.signal?.throwIfAborted();
      options.onEvent?.({ type: "target-start", target });
      const outcome = await runTarget(target, staging, options.env, options.signal);
      outcomes.push(outcome);
      options.onEvent?.({ type: "target-done", outcome });
    }
    const inputs = dedupe(outcomes.flatMap((o) => o.inputs.filter((p) => !p.startsWith(staging))));
    const complete = outcomes.every((o) => o.status !== "failed" && o.status !== "partial");
    await writeFile(
      path.join(staging, "collection.json"),
      `${JSON.stringify({ format: "sonae-kit-collection", version: 1, kitId: config.kitId, incident: config.incident, organisation: config.organisation, issuedTo: config.issuedTo, examiner: options.examiner, hostname: os.hostname(), platform: config.platform, complete, targets: outcomes }, null, 2)}\n`,
    );
    const bundlePath = path.join(outDir, `${base}.zip`);
    const result = await preserveEvidence({
      paths: [...inputs, staging],
      caseId: config.incident.reference,
      examiner: options.examiner,
      outPath: bundlePath,
      signingKey: signingKeyFromPem(config.signingKeyPem),
      ntpServer: config.ntpServer,
      signal: options.signal,
      onProgress: (progress) => options.onEvent?.({ type: "preserve-progress", progress }),
    });
    const hash = createHash("sha256");
    await pipeline(createReadStream(bundlePath), hash);
    return { bundlePath, sha256: hash.digest("hex"), bundleSize: result.bundleSize, outcomes, complete };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Drops a path when it or a folder above it is already listed (var-log covers auth logs). */
function dedupe(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted)
    if (!kept.some((k) => p.startsWith(`${k}${path.sep}`) || p.startsWith(`${k}/`))) kept.push(p);
  return kept;
}

function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 60);
}

function outputInsideCollected(outDir: string, collected: string): Error {
  return Object.assign(
    new Error(
      `出力先 ${outDir} は収集対象 ${collected} の中にあります。別の場所 (USB メモリなど) を --out で指定してください。 / The output folder ${outDir} is inside ${collected}, which is being collected: choose another place (a USB stick) with --out.`,
    ),
    { code: "OUTPUT_INSIDE_COLLECTED" },
  );
}
