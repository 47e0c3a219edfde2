/// <reference path="./postject.d.ts" />
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, copyFile, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { inject } from "postject";
import { KIT_ASSET, type KitConfig, ZKitConfig } from "../kit/kit-config";
import { defaultNodeCacheDir, type KitPlatform, resolveNodeBinary } from "./node-binaries";

/** The fuse Node's SEA loader looks for (flipped by postject when a blob is injected). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
const ENTRY = path.resolve(import.meta.dirname, "../kit/kit-entry.ts");

/** A built kit. */
export interface BuiltKit {
  path: string;
  size: number;
  sha256: string;
  buildMs: number;
}

let bundled: Promise<string> | undefined;

/** The kit program as one CommonJS script (esbuild), made once per process: it holds no configuration. */
export function bundleKitScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sonae-kit-script-"));
    const file = path.join(dir, "kit.cjs");
    await build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node22",
      outfile: file,
      minify: true,
      legalComments: "eof",
      logLevel: "error",
    });
    return file;
  })();
  return bundled;
}

/**
 * Builds one kit: the kit script and its configuration (SEA asset kit.json) made into a SEA blob by
 * the Linux Node binary of the same version, injected with postject into that platform's Node
 * binary (both from the npm platform packages, see node-binaries.ts). Writes `outPath` only once
 * complete.
 */
export async function buildKit(
  config: KitConfig,
  outPath: string,
  cacheDir = defaultNodeCacheDir(),
): Promise<BuiltKit> {
  const started = performance.now();
  ZKitConfig.parse(config);
  const platform: KitPlatform = config.platform;
  const [script, builder, target] = await Promise.all([
    bundleKitScript(),
    resolveNodeBinary("linux-x64", cacheDir),
    resolveNodeBinary(platform, cacheDir),
  ]);
  const work = await mkdtemp(path.join(os.tmpdir(), "sonae-kit-build-"));
  const partial = `${outPath}.partial-${process.pid}`;
  try {
    const configFile = path.join(work, KIT_ASSET);
    await writeFile(configFile, JSON.stringify(config), { mode: 0o600 });
    const blob = path.join(work, "sea.blob");
    const seaConfig = path.join(work, "sea-config.json");
    await writeFile(
      seaConfig,
      JSON.stringify({
        main: script,
        output: blob,
        disableExperimentalSEAWarning: true,
        useSnapshot: false,
        useCodeCache: false,
        assets: { [KIT_ASSET]: configFile },
      }),
    );
    await promisify(execFile)(builder, ["--experimental-sea-config", seaConfig], { cwd: work });
    await copyFile(target, partial);
    await chmod(partial, 0o755);
    await inject(partial, "NODE_SEA_BLOB", await readFile(blob), { sentinelFuse: SEA_FUSE });
    await rename(partial, outPath);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
  const bytes = await readFile(outPath);
  return {
    path: outPath,
    size: (await stat(outPath)).size,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    buildMs: Math.round(performance.now() - started),
  };
}
