import { createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { openBundle, readEntryBytes } from "../verify/bundle-reader";
import { ZipWriter } from "../zip/zip-writer";

/** Real data shipped with the project (read-only): shared/data next to the checkout. */
export const SHARED_DATA = path.resolve(import.meta.dirname, "../../../../../shared/data");

/** A fresh temporary folder, removed by the returned cleanup. */
export async function makeTempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `sonae-evidence-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Reads every entry of a bundle into memory (test bundles are small), in archive order. */
export async function readAllEntries(bundlePath: string): Promise<Array<[string, Buffer]>> {
  const { zip, entries } = await openBundle(bundlePath);
  try {
    const out: Array<[string, Buffer]> = [];
    for (const [name, entry] of entries) out.push([name, await readEntryBytes(zip, entry)]);
    return out;
  } finally {
    zip.close();
  }
}

/** Writes entries to a new ZIP exactly as given: how a tamperer would rebuild a bundle. */
export async function writeEntries(
  target: string,
  entries: ReadonlyArray<[string, Buffer]>,
  level = 1,
): Promise<void> {
  const file = await open(target, "wx");
  try {
    const zip = new ZipWriter(file);
    for (const [name, data] of entries) {
      await zip.addBuffer(name, data, { compressionLevel: level, mtime: new Date(), mode: 0o100644 });
    }
    await zip.finish();
  } finally {
    await file.close();
  }
}

/**
 * Copies a bundle with `edit` applied to its entries (return a new list). Rebuilt with yazl, an
 * independent ZIP writer, so an unedited copy verifying also proves the reader is not tied to ours.
 */
export async function rewriteBundle(
  source: string,
  target: string,
  edit: (entries: Array<[string, Buffer]>) => Array<[string, Buffer]>,
): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of edit(await readAllEntries(source)))
    zip.addBuffer(data, name, { compressionLevel: 1 });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target, { flags: "wx" }));
}
