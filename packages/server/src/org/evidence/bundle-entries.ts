import type { Manifest } from "@sonae/evidence";
import yauzl from "yauzl";

/**
 * Reads one named entry of a stored (already verified) bundle into memory. Only for the small
 * metadata entries (manifest.json, manifest.csv): the files themselves are never loaded like this.
 */
export async function readBundleEntry(zipPath: string, entryName: string, maxBytes = 256 * 1024 ** 2) {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, validateEntrySizes: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== entryName) continue;
      if (entry.uncompressedSize > maxBytes) throw new Error(`${entryName} is larger than ${maxBytes} bytes`);
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
    throw new Error(`${entryName} is missing from the bundle`);
  } finally {
    zip.close();
  }
}

/** The signed manifest of a stored bundle. */
export async function readManifest(zipPath: string): Promise<Manifest> {
  return JSON.parse((await readBundleEntry(zipPath, "manifest.json")).toString("utf8")) as Manifest;
}
