import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishBundle } from "./publish-bundle";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "sonae-publish-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// A filesystem without hard links (FAT32/exFAT USB stick) answers link() like this.
const noHardLinks = async () => {
  throw Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM" });
};

describe("publishing a sealed bundle", () => {
  it("links where hard links exist, leaving only the bundle", async () => {
    await writeFile(path.join(dir, "b.zip.partial"), "sealed");
    await publishBundle(path.join(dir, "b.zip.partial"), path.join(dir, "b.zip"));
    expect(await readdir(dir)).toEqual(["b.zip"]);
  });

  it("renames on a filesystem without hard links (a USB stick), leaving only the bundle", async () => {
    await writeFile(path.join(dir, "b.zip.partial"), "sealed");
    await publishBundle(path.join(dir, "b.zip.partial"), path.join(dir, "b.zip"), noHardLinks);
    expect(await readdir(dir)).toEqual(["b.zip"]);
    expect(await readFile(path.join(dir, "b.zip"), "utf8")).toBe("sealed");
  });

  it("never replaces an existing bundle, with or without hard links", async () => {
    for (const linkFile of [undefined, noHardLinks]) {
      await writeFile(path.join(dir, "b.zip"), "earlier bundle");
      await writeFile(path.join(dir, "b.zip.partial"), "sealed");
      await expect(
        publishBundle(path.join(dir, "b.zip.partial"), path.join(dir, "b.zip"), linkFile),
      ).rejects.toMatchObject({ code: "EEXIST" });
      expect(await readFile(path.join(dir, "b.zip"), "utf8")).toBe("earlier bundle");
      expect(await readFile(path.join(dir, "b.zip.partial"), "utf8")).toBe("sealed");
    }
  });

  it("passes on any other failure", async () => {
    await writeFile(path.join(dir, "b.zip.partial"), "sealed");
    const full = async () => {
      throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
    };
    await expect(
      publishBundle(path.join(dir, "b.zip.partial"), path.join(dir, "b.zip"), full),
    ).rejects.toMatchObject({ code: "ENOSPC" });
    expect(await readdir(dir)).toEqual(["b.zip.partial"]);
  });
});
