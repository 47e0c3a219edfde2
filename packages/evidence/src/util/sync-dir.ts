import { open } from "node:fs/promises";

/**
 * fsyncs a directory, so a file just created, linked or renamed into it survives a crash (POSIX
 * makes the directory entry durable only when the directory itself is synced).
 */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
