import path from "node:path";

/** A SHA-256 in lower-case hex: the only names a vault file may have. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Where a bundle lives inside a vault root: `sha256/ab/cd/<hash>` (two fan-out levels keep any one
 * folder small), with `/` separators (also a ZIP entry name). The one definition of the layout: the vault, the server and `sonae backup` use it.
 */
export function vaultRelativePath(sha256: string): string {
  return path.posix.join("sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Absolute path of a bundle in the vault at `root`. */
export function vaultBundlePath(root: string, sha256: string): string {
  return path.join(root, vaultRelativePath(sha256));
}
