import { access, link, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { syncDir } from "../util/sync-dir";

// What link() says on a filesystem without hard links: FAT32 and exFAT (most USB sticks, where a
// collector kit writes), some network shares. EEXIST is not here: an existing bundle is never replaced.
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EISDIR", "EINVAL", "EXDEV"]);

/**
 * Moves a sealed `<out>.partial` to `<out>`, never over an existing file: link() refuses to replace one,
 * unlike rename(). Where the filesystem has no hard links, the name is checked first and then renamed
 * (the output folder has one writer, the run itself).
 */
export async function publishBundle(
  partialPath: string,
  outPath: string,
  linkFile: (from: string, to: string) => Promise<void> = link,
): Promise<void> {
  try {
    await linkFile(partialPath, outPath);
    await unlink(partialPath);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    const taken = await access(outPath).then(
      () => true,
      () => false,
    );
    if (taken) throw Object.assign(new Error(`EEXIST: ${outPath} already exists`), { code: "EEXIST" });
    await rename(partialPath, outPath);
  }
  await syncDir(path.dirname(outPath));
  await stat(outPath);
}
