import type { FileHandle } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { deflateInParallel } from "./parallel-deflate";
import {
  buildCentralHeader,
  buildDataDescriptor,
  buildEndRecords,
  buildLocalHeader,
  toDosDateTime,
  type ZipEntryRecord,
} from "./zip-records";

/** Options for one entry. */
export interface ZipEntryOptions {
  /** 0 stores, 1–9 deflates (zlib runs in the libuv pool, off the hashing thread). */
  compressionLevel: number;
  mtime: Date;
  mode: number;
  /** Announce ZIP64 in the local header (needed when the entry may reach 4 GiB). */
  zip64: boolean;
  /** Called with each source chunk once the writer no longer reads it (its memory may be reused). */
  release?: (chunk: Buffer) => void;
}

const MAX32 = 0xffffffff;

/**
 * Streaming ZIP/ZIP64 writer (deflate on several cores, see parallel-deflate.ts) at an explicit file offset. Unlike yazl it can continue a partial
 * archive (resume after interruption: the journal gives the entries already written) and roll
 * back an entry whose source failed mid-read, so a read error never leaves a broken entry.
 */
export class ZipWriter {
  private readonly entries: ZipEntryRecord[];
  private offset: number;

  constructor(
    private readonly file: FileHandle,
    startOffset = 0,
    existing: readonly ZipEntryRecord[] = [],
  ) {
    this.offset = startOffset;
    this.entries = [...existing];
  }

  /** Bytes written so far (the end of the last complete entry after a rollback). */
  get position(): number {
    return this.offset;
  }

  /**
   * Writes one entry from a stream of chunks. If `source` throws, the entry is rolled back
   * (offset reset, nothing recorded) and the error is rethrown.
   */
  async addStream(
    name: string,
    source: AsyncIterable<Buffer>,
    options: ZipEntryOptions,
  ): Promise<ZipEntryRecord> {
    const start = this.offset;
    const method = options.compressionLevel > 0 ? 8 : 0;
    const { dosDate, dosTime } = toDosDateTime(options.mtime);
    const header = { name, method, dosDate, dosTime, zip64: options.zip64 } as const;
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    }
    const sink = async (chunks: AsyncIterable<Buffer>, release?: (chunk: Buffer) => void) => {
      for await (const chunk of chunks) {
        compressedSize += chunk.length;
        await this.writeRaw(chunk);
        release?.(chunk);
      }
    };
    try {
      await this.writeRaw(buildLocalHeader(header));
      if (method === 8)
        await sink(deflateInParallel(counted(), options.compressionLevel, undefined, options.release));
      else await sink(counted(), options.release);
      if (!options.zip64 && (size >= MAX32 || compressedSize >= MAX32)) {
        throw new Error(`entry ${name} grew past 4 GiB while being read without ZIP64`);
      }
      const record: ZipEntryRecord = {
        ...header,
        mode: options.mode,
        crc32: crc,
        compressedSize,
        size,
        localHeaderOffset: start,
      };
      await this.writeRaw(buildDataDescriptor(record));
      this.entries.push(record);
      return record;
    } catch (error) {
      this.offset = start;
      throw error;
    }
  }

  /** Writes a small in-memory entry (manifest, signature…). */
  addBuffer(
    name: string,
    data: Buffer,
    options: Omit<ZipEntryOptions, "zip64" | "release">,
  ): Promise<ZipEntryRecord> {
    async function* once(): AsyncGenerator<Buffer> {
      yield data;
    }
    return this.addStream(name, once(), { ...options, zip64: false });
  }

  /** Writes the central directory and end records, truncates leftovers of rolled-back entries, fsyncs. */
  async finish(): Promise<number> {
    const cdOffset = this.offset;
    for (const entry of this.entries) await this.writeRaw(buildCentralHeader(entry));
    await this.writeRaw(buildEndRecords(this.entries.length, cdOffset, this.offset - cdOffset));
    await this.file.truncate(this.offset);
    await this.file.sync();
    return this.offset;
  }

  private async writeRaw(data: Buffer): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.file.write(data, done, data.length - done, this.offset + done);
      done += bytesWritten;
    }
    this.offset += data.length;
  }
}
