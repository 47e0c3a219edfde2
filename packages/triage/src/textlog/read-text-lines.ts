import { open } from "node:fs/promises";
import { detectTextEncoding } from "./text-encoding";

/** Limits on one text log: hostile input must never exhaust memory or hang triage. */
export interface TextLogLimits {
  /** Longest line kept, in characters; the rest of a longer line is dropped. Default 64 KiB. */
  maxLineLength?: number;
  /** Wall-clock time for one file in milliseconds; reading stops there. Default 5 minutes. */
  timeLimitMs?: number;
}

/** Something in a text log that was cut or refused: reported, never silent. */
export interface TextLogProblem {
  lineNumber?: number;
  reason: string;
}

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
export const DEFAULT_TEXT_TIME_LIMIT_MS = 5 * 60_000;
const READ_SIZE = 256 * 1024;

/** One line of a text log with its 1-based number. */
export interface TextLine {
  line: string;
  lineNumber: number;
}

/**
 * Reads a text log line by line in any detected encoding (UTF-8 with or without BOM, UTF-16LE/BE,
 * Shift_JIS / CP932). Memory stays bounded whatever the input: a line longer than the limit is
 * cut there (the cut is reported) and the rest of it skipped, so a 4 GiB file without a newline
 * is read in constant memory. Lines end at LF, CRLF or a lone CR.
 */
export async function* readTextLines(
  path: string,
  limits: TextLogLimits,
  onProblem: (p: TextLogProblem) => void,
): AsyncGenerator<TextLine[]> {
  const maxLength = limits.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const deadline = Date.now() + (limits.timeLimitMs ?? DEFAULT_TEXT_TIME_LIMIT_MS);
  const handle = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(READ_SIZE);
    let { bytesRead } = await handle.read(buf, 0, READ_SIZE, 0);
    const verdict = detectTextEncoding(buf.subarray(0, Math.min(bytesRead, 64 * 1024)));
    if (verdict.encoding === null) {
      onProblem({ reason: verdict.reason });
      return;
    }
    const decoder = new TextDecoder(verdict.encoding);
    let position = bytesRead;
    let text = decoder.decode(buf.subarray(verdict.bomLength, bytesRead), { stream: true });
    let pending = "";
    let skipping = false;
    let lineNumber = 0;
    let endedWithCr = false;
    for (;;) {
      const out: TextLine[] = [];
      // The LF of a CRLF split across two reads belongs to the line already ended.
      let from = endedWithCr && text.charCodeAt(0) === 10 ? 1 : 0;
      endedWithCr = false;
      for (;;) {
        const end = nextLineEnd(text, from);
        const piece = text.slice(from, end < 0 ? text.length : end);
        if (!skipping) {
          pending += piece;
          if (pending.length > maxLength) {
            out.push({ line: pending.slice(0, maxLength), lineNumber: ++lineNumber });
            onProblem({
              lineNumber,
              reason: `${maxLength} 文字を超える行を切り詰めました / line longer than ${maxLength} characters cut`,
            });
            pending = "";
            skipping = true;
          }
        }
        if (end < 0) break;
        if (!skipping) out.push({ line: pending, lineNumber: ++lineNumber });
        pending = "";
        skipping = false;
        // CRLF counts as one line end; a CR at the very end of the text may be followed by LF next read.
        from = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
        if (from >= text.length) {
          endedWithCr = text.charCodeAt(end) === 13 && end === text.length - 1;
          break;
        }
      }
      if (out.length > 0) yield out;
      if (Date.now() > deadline) {
        onProblem({
          lineNumber,
          reason: `ファイルの処理時間の上限で中断しました（${lineNumber} 行目まで） / file time limit reached, stopped after line ${lineNumber}`,
        });
        return;
      }
      if (bytesRead === 0) break;
      ({ bytesRead } = await handle.read(buf, 0, READ_SIZE, position));
      position += bytesRead;
      text =
        bytesRead === 0 ? decoder.decode() : decoder.decode(buf.subarray(0, bytesRead), { stream: true });
      if (bytesRead === 0 && text === "") break;
    }
    if (pending !== "" && !skipping) yield [{ line: pending, lineNumber: ++lineNumber }];
  } finally {
    await handle.close();
  }
}

/** Index of the next LF or CR at or after `from`, or -1. */
function nextLineEnd(text: string, from: number): number {
  const lf = text.indexOf("\n", from);
  const cr = text.indexOf("\r", from);
  if (cr < 0) return lf;
  if (lf < 0) return cr;
  return Math.min(lf, cr);
}
