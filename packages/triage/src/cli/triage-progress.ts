import type { TriageProgress } from "../timeline/build-timeline";

/**
 * Progress on stderr (stdout stays clean for `--json`): one rewriting line on a terminal,
 * one line per file otherwise (logs, CI).
 */
export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
): (p: TriageProgress) => void {
  let lastFile = -1;
  let lastDraw = 0;
  return (p) => {
    const pct = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
    if (stream.isTTY) {
      const now = Date.now();
      if (now - lastDraw < 100 && pct < 100) return;
      lastDraw = now;
      stream.write(`\r\x1b[K[${p.fileIndex + 1}/${p.fileCount}] ${p.file.slice(-60)} ${pct}%`);
      if (p.fileIndex + 1 === p.fileCount && pct >= 100) stream.write("\n");
    } else if (p.fileIndex !== lastFile) {
      lastFile = p.fileIndex;
      stream.write(`[${p.fileIndex + 1}/${p.fileCount}] ${p.file}\n`);
    }
  };
}
