import { lstat, opendir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { getErrnoCode } from "../errors/evidence-error";
import type { ProblemRecord } from "../manifest/manifest-types";
import { describeProblem } from "./problem-reasons";

/** A regular file found under one of the inputs, with the name it gets in the bundle. */
export interface SourceFile {
  sourcePath: string;
  entryName: string;
  size: number;
  isLog: boolean;
}

/** Files to read (logs first) and what was skipped, with reasons. */
export interface SourceListing {
  files: SourceFile[];
  problems: ProblemRecord[];
}

// Logs are the most volatile evidence (rotation, attackers clearing them: DOMAIN.md "preserve logs,
// above all those of devices that face the internet"), so they are read first.
const LOG_PATTERN =
  /(\.(log|evtx|etl|jsonl|journal)(\.\d+)?$)|(\/|^)(var\/log|logs?|winevt)\/|(syslog|messages|secure|auth\.log|wtmp|btmp|lastlog)/i;

/** True when a path looks like a log file. */
export function isLogPath(p: string): boolean {
  return LOG_PATTERN.test(p.split(path.sep).join("/"));
}

/**
 * Walks every input (files or folders), following symbolic links but skipping loops, devices,
 * FIFOs and sockets with a reason. Nothing is opened for writing. `excluded` paths (the bundle being
 * written, its journal, the signing keys) are listed as excluded, never read.
 */
export async function walkSources(
  inputs: readonly string[],
  excluded: readonly string[] = [],
): Promise<SourceListing> {
  const excludedPaths = new Set(excluded.map((p) => path.resolve(p)));
  const files: SourceFile[] = [];
  const problems: ProblemRecord[] = [];
  const usedNames = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    const absolute = path.resolve(input);
    const base = sanitiseComponent(path.basename(absolute) || "root");
    await visit(absolute, `files/${index + 1}/${base}`, new Set());
  }
  files.sort((a, b) => Number(b.isLog) - Number(a.isLog));
  return { files, problems };

  async function visit(sourcePath: string, entryName: string, ancestors: Set<string>): Promise<void> {
    if (excludedPaths.has(sourcePath)) {
      problems.push(describeProblem(sourcePath, "excluded"));
      return;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      const link = await lstat(sourcePath);
      info = link.isSymbolicLink() ? await stat(sourcePath) : link;
    } catch (error) {
      const errno = getErrnoCode(error);
      const kind = errno === "ELOOP" ? "symlink-loop" : errno === "ENOENT" ? "not-found" : "unreadable";
      problems.push(describeProblem(sourcePath, kind, errno));
      return;
    }
    if (info.isDirectory()) {
      const id = `${info.dev}:${info.ino}`;
      if (ancestors.has(id)) {
        problems.push(describeProblem(sourcePath, "symlink-loop", undefined, await safeRealpath(sourcePath)));
        return;
      }
      const inner = new Set(ancestors).add(id);
      let names: string[];
      try {
        names = [];
        for await (const dirent of await opendir(sourcePath)) names.push(dirent.name);
      } catch (error) {
        problems.push(describeProblem(sourcePath, "unreadable", getErrnoCode(error)));
        return;
      }
      names.sort();
      for (const name of names) {
        await visit(path.join(sourcePath, name), `${entryName}/${sanitiseComponent(name)}`, inner);
      }
      return;
    }
    if (!info.isFile()) {
      const kind = info.isFIFO() ? "fifo" : info.isSocket() ? "socket" : "device";
      problems.push(describeProblem(sourcePath, kind));
      return;
    }
    files.push({
      sourcePath,
      entryName: uniqueName(entryName),
      size: info.size,
      isLog: isLogPath(sourcePath),
    });
  }

  function uniqueName(name: string): string {
    let candidate = name;
    for (let n = 2; usedNames.has(candidate); n++) candidate = `${name}~${n}`;
    usedNames.add(candidate);
    return candidate;
  }
}

/**
 * Makes one path component safe for a ZIP entry and for `sha256sum -c`: control characters and
 * backslashes (a path separator on Windows, an escape in SHA256SUMS) become `_`.
 */
export function sanitiseComponent(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = name.replace(/[\u0000-\u001f\u007f\\]/g, "_");
  return cleaned === "." || cleaned === ".." || cleaned === "" ? "_" : cleaned;
}

async function safeRealpath(p: string): Promise<string | undefined> {
  try {
    return await realpath(p);
  } catch {
    return undefined;
  }
}
