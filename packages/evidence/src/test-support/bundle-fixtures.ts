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
 * Copies a bundle with `edit` applied to its entries (return a new list), rebuilt as a careful
 * tamperer would: with Sonae's own writer and each entry's original file mode, so the container is
 * sound and only the edited content can give the change away.
 */
export async function rewriteBundle(
  source: string,
  target: string,
  edit: (entries: Array<[string, Buffer]>) => Array<[string, Buffer]>,
): Promise<void> {
  const modes = await readModes(source);
  const file = await open(target, "wx");
  try {
    const zip = new ZipWriter(file);
    for (const [name, data] of edit(await readAllEntries(source))) {
      await zip.addBuffer(name, data, {
        compressionLevel: 1,
        mtime: new Date(),
        mode: modes.get(name) ?? 0o100444,
      });
    }
    await zip.finish();
  } finally {
    await file.close();
  }
}

/** Writes the entries with yazl, an independent ZIP writer (for reader-independence checks). */
export async function writeEntriesWithYazl(
  target: string,
  entries: ReadonlyArray<[string, Buffer]>,
): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compressionLevel: 1 });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target, { flags: "wx" }));
}

async function readModes(bundlePath: string): Promise<Map<string, number>> {
  const { zip, entries } = await openBundle(bundlePath);
  zip.close();
  return new Map([...entries].map(([name, entry]) => [name, entry.externalFileAttributes >>> 16]));
}
