import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";

/** An opened bundle: entries by name, and names seen more than once (a tampering sign). */
export interface OpenedBundle {
  zip: ZipFile;
  entries: Map<string, Entry>;
  duplicates: string[];
}

/**
 * Opens a ZIP with yauzl, an independent reader (the writer is ours): entry sizes are enforced
 * while inflating (validateEntrySizes), names are validated against traversal by yauzl itself.
 */
export async function openBundle(bundlePath: string): Promise<OpenedBundle> {
  const zip = await yauzl.openPromise(bundlePath, {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: true,
    strictFileNames: true,
    validateEntrySizes: true,
  });
  const entries = new Map<string, Entry>();
  const duplicates: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: Entry) => {
      if (entries.has(entry.fileName)) duplicates.push(entry.fileName);
      else entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve());
    zip.once("error", reject);
    zip.readEntry();
  });
  return { zip, entries, duplicates };
}

/**
 * Most bytes a metadata entry (manifest.json, manifest.csv, SHA256SUMS, custody) may have: 50,000
 * files need about 15 MiB of manifest. A 510 KB zip whose manifest inflated towards the old 512 MiB
 * bound took the server from 0.9 to 2.5 GB RSS (issue 16 §3); past this it is refused unread.
 */
export const MAX_METADATA_ENTRY_BYTES = 32 * 1024 * 1024;

/** Reads a small entry fully; refuses more than `maxBytes` (manifest of a hostile bundle). */
export async function readEntryBytes(
  zip: ZipFile,
  entry: Entry,
  maxBytes = MAX_METADATA_ENTRY_BYTES,
): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes)
    throw new Error(`${entry.fileName} is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Streams an entry through the given hash algorithms; returns hex digests and the byte count. */
export async function hashEntry(
  zip: ZipFile,
  entry: Entry,
  algorithms: readonly string[],
  onBytes?: (count: number) => void,
): Promise<{ digests: Record<string, string>; size: number }> {
  const hashes = algorithms.map((a) => [a, createHash(a)] as const);
  let size = 0;
  const stream: Readable = await zip.openReadStreamPromise(entry);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (const [, hash] of hashes) hash.update(chunk);
    size += chunk.length;
    onBytes?.(chunk.length);
  }
  return { digests: Object.fromEntries(hashes.map(([a, h]) => [a, h.digest("hex")])), size };
}
