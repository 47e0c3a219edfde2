import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A 32-byte secret kept outside the database: from the environment when given, else from
 * `${dataDir}/keys/<fileName>`, created (mode 0600) on first use. Created with "wx" so that two hub
 * processes starting together end up with the same key: one never overwrites what another just wrote.
 */
export function loadOrCreateSecretKey(
  dataDir: string,
  fileName: string,
  fromEnv: string | undefined,
  parse: (text: string) => Buffer,
): Buffer {
  if (fromEnv) return parse(fromEnv);
  const dir = join(dataDir, "keys");
  const file = join(dir, fileName);
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fresh = randomBytes(32);
  try {
    writeFileSync(file, `${fresh.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return fresh;
  } catch (raced) {
    if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
    return parse(readFileSync(file, "utf8"));
  }
}
