import { open, stat } from "node:fs/promises";
import path from "node:path";

/** Explicitly named files that are neither EVTX (by magic) nor a folder or a .zip bundle. */
export async function textCandidates(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory() || /\.zip$/i.test(p)) continue;
    const handle = await open(p, "r");
    try {
      const magic = Buffer.alloc(8);
      await handle.read(magic, 0, 8, 0);
      if (magic.toString("latin1") !== "ElfFile\0") out.push(p);
    } finally {
      await handle.close();
    }
  }
  return out;
}

/**
 * Files the user named that gave no event at all: not EVTX and no line in any known log format.
 * Exiting 0 on them would read as "nothing found" when nothing was read.
 */
export function unreadInputs(candidates: string[], sourcesSeen: ReadonlySet<string>): string[] {
  return candidates.filter((p) => !sourcesSeen.has(path.basename(p)));
}
