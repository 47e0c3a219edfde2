import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AppError } from "@sonae/core";

type LockHolder = { pid: number; host: string; startedAt: string; command: string };

/**
 * PGlite has no cross-process lock: two processes on one data folder silently lose committed
 * writes (seen on this stack). So the process that opens the folder holds an exclusive lock
 * file, created with O_EXCL; a second process gets an error naming the holder. A lock left by a
 * process that has died on this host is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, "sonae.lock");
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder && holder.host === me.host && !isAlive(holder.pid)) {
        rmSync(path, { force: true });
        continue;
      }
      throw lockedError(dataDir, holder);
    }
  }
  throw lockedError(dataDir, readHolder(path));
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedError(dataDir: string, holder: LockHolder | null): AppError {
  const who = holder
    ? `PID ${holder.pid} @ ${holder.host} (${holder.startedAt}: ${holder.command})`
    : "unknown process";
  return new AppError("DATA_DIR_LOCKED", {
    detail: {
      ja: `データフォルダ ${dataDir} は別のプロセスが使用中です: ${who}。そのプロセスを停止するか、稼働中のサーバーを利用してください。`,
      en: `The data folder ${dataDir} is in use by another process: ${who}. Stop that process or use the running server.`,
    },
  });
}
