import { open } from "node:fs/promises";

/**
 * fsyncs a directory, so a file just created, linked or renamed into it survives a crash (POSIX
 * makes the directory entry durable only when the directory itself is synced).
 */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory as a file (EPERM) and has no directory fsync; NTFS journals its
  // metadata, so the new entry is as durable there as the platform allows.
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
