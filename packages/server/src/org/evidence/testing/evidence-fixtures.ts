import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { crc32, deflateRawSync } from "node:zlib";
import { createDb } from "@sonae/db";
import type { FastifyInstance } from "fastify";
import yauzl from "yauzl";
import { buildApp } from "../../../app";
import { loadConfig } from "../../../config";
import type { TestClient } from "../../../testing/test-app";

/** Test app whose data folder (and so the vault) is a temporary folder, never ./data. */
export async function buildEvidenceTestApp(dataDir: string) {
  const db = await createDb({ inMemory: true });
  const config = { ...loadConfig({ SONAE_DATA_DIR: dataDir }), webDistDir: undefined };
  const app: FastifyInstance = await buildApp({ db: db.db, dbKind: db.kind, config });
  const close = async () => {
    await app.close();
    await db.close();
  };
  return { app, db, close };
}

/** Multipart upload of `content` as the browser sends it. */
export function uploadBundle(
  client: TestClient,
  incidentId: string,
  content: Buffer,
  fileName = "bundle.zip",
) {
  const boundary = `----sonae${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: "POST",
    url: `/api/incidents/${incidentId}/evidence`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** Every entry of a ZIP, in order (test bundles are small). */
export async function readZipEntries(zipPath: string): Promise<Array<[string, Buffer]>> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true });
  const out: Array<[string, Buffer]> = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      out.push([entry.fileName, Buffer.concat(chunks)]);
    }
  } finally {
    zip.close();
  }
  return out;
}

/**
 * Writes a deflated ZIP by hand, as an attacker would: `declaredSize` lets a test lie
 * about an entry's uncompressed size in the central directory (the zip-bomb header trick).
 */
export async function writeRawZip(
  target: string,
  entries: ReadonlyArray<{ name: string; data: Buffer; declaredSize?: number }>,
): Promise<void> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(e.data);
    const packed = deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, packed);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + packed.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(target, Buffer.concat([...parts, cdBuf, end]));
}
