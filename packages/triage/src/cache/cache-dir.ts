import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/**
 * Where Sonae keeps what it derives from its own content (parsed Sigma rules, the detection
 * catalogue), each file named by the hash of what it was made from: SONAE_CACHE_DIR, else
 * $XDG_CACHE_HOME/sonae or ~/.cache/sonae; "off" disables caching.
 */
export function sonaeCacheDir(): string | null {
  const setting = process.env.SONAE_CACHE_DIR;
  if (setting === "off") return null;
  if (setting) return setting;
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "sonae");
}

/** A cache file's text, or null when caching is off or the file is missing or unreadable. */
export function readCacheSync(name: string): string | null {
  const dir = sonaeCacheDir();
  if (!dir) return null;
  try {
    return readFileSync(path.join(dir, name), "utf8");
  } catch {
    return null;
  }
}

/** Writes a cache file atomically (temp file, then rename); a cache that cannot be written is skipped. */
export function writeCacheSync(name: string, text: string): void {
  const dir = sonaeCacheDir();
  if (!dir) return;
  const file = path.join(dir, name);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
