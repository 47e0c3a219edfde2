import cliProgress from "cli-progress";
import type { LocalisedText } from "../errors/evidence-error";
import type { PreserveProgress } from "../preserve/preserve-evidence";

/** A progress sink: `update` is called often, `stop` once. */
export interface ProgressReporter {
  update(progress: PreserveProgress): void;
  stop(): void;
}

const PRESERVING: LocalisedText = { ja: "保全中", en: "Preserving" };

/**
 * Progress on stderr (stdout stays clean for --json): a bar with rate and time left on a TTY,
 * otherwise one plain line every 5 s, readable in a log file or CI. `label` names the work
 * (`sonae backup` and `sonae restore` reuse this with their own).
 */
export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  label: LocalisedText = PRESERVING,
): ProgressReporter {
  const startedAt = Date.now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label.ja} / ${label.en} [{bar}] {percentage}% | {done}/{total} MB | {rate} MB/s | 残り/ETA {eta_formatted} | {files}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let lastDraw = 0;
    return {
      update(p) {
        const now = Date.now();
        if (started && now - lastDraw < 200 && p.bytesDone < p.bytesTotal) return;
        lastDraw = now;
        const payload = {
          done: toMb(p.bytesDone),
          total: toMb(p.bytesTotal),
          rate: toMb(p.bytesDone / Math.max((now - startedAt) / 1000, 0.001)),
          files: `${p.filesDone}/${p.filesTotal}`,
        };
        if (!started) {
          bar.start(Math.max(p.bytesTotal, 1), p.bytesDone, payload);
          started = true;
        } else bar.update(p.bytesDone, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastLine = startedAt;
  return {
    update(p) {
      const now = Date.now();
      if (now - lastLine < 5000) return;
      lastLine = now;
      const rate = p.bytesDone / Math.max((now - startedAt) / 1000, 0.001);
      const eta = rate > 0 ? Math.round((p.bytesTotal - p.bytesDone) / rate) : 0;
      stream.write(
        `${label.ja} / ${label.en.toLowerCase()}: ${toMb(p.bytesDone)}/${toMb(p.bytesTotal)} MB, ${p.filesDone}/${p.filesTotal} files, ${toMb(rate)} MB/s, 残り/ETA ${eta}s\n`,
      );
    },
    stop() {},
  };
}

function toMb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
