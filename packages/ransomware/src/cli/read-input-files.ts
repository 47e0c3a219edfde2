import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { decodeNote, MAX_NOTE_BYTES } from "../text/decode-note";

export type FileInputs = { noteText?: Uint8Array; noteFileName?: string; fileNames: string[] };

/**
 * Sorts the user's files into "the ransom note" and "encrypted files". Only the first MiB of a file
 * is read: an encrypted database of 50 GB must not be loaded to look at its name.
 * A file counts as a note when it is small and decodes to readable text.
 */
export function readInputFiles(files: string[]): FileInputs {
  const out: FileInputs = { fileNames: [] };
  for (const file of files) {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error(`Not a regular file: ${file}`);
    out.fileNames.push(path.basename(file));
    if (out.noteText || stat.size > MAX_NOTE_BYTES) continue;
    const bytes = readHead(file, MAX_NOTE_BYTES);
    if (isReadableNote(bytes)) {
      out.noteText = bytes;
      out.noteFileName = path.basename(file);
    }
  }
  return out;
}

function readHead(file: string, max: number): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const buf = new Uint8Array(max);
    const n = readSync(fd, buf, 0, max, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function isReadableNote(bytes: Uint8Array): boolean {
  const decoded = decodeNote(bytes);
  if (decoded.looksBinary) return false;
  return (decoded.text.match(/[\p{L}]{2,}/gu)?.length ?? 0) >= 15;
}
