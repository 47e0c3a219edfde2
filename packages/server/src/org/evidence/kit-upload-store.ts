import { randomUUID } from "node:crypto";
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";

/** An unfinished upload is removed this long after it started. */
export const KIT_UPLOAD_EXPIRY_MS = 48 * 60 * 60 * 1000;

const ZPendingUpload = z.object({
  id: z.string().uuid(),
  organisationId: z.string(),
  incidentId: z.string(),
  fingerprint: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  startedAt: z.string(),
});
export type PendingUpload = z.infer<typeof ZPendingUpload>;

/**
 * Partial kit uploads on disk under `<dataDir>/kit-uploads`: `<id>.json` says what is coming,
 * `<id>.part` holds the bytes received so far (its length is the resume offset).
 */
export class KitUploadStore {
  private readonly dir: string;

  constructor(deps: AppDeps) {
    this.dir = path.join(deps.config.dataDir, "kit-uploads");
  }

  partPath(id: string): string {
    return path.join(this.dir, `${id}.part`);
  }

  private metaPath(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  async create(upload: Omit<PendingUpload, "id" | "startedAt">): Promise<PendingUpload> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const pending = { ...upload, id: randomUUID(), startedAt: new Date().toISOString() };
    await writeFile(this.partPath(pending.id), "", { flag: "wx", mode: 0o600 });
    await writeFile(this.metaPath(pending.id), JSON.stringify(pending), { flag: "wx", mode: 0o600 });
    return pending;
  }

  async get(id: string): Promise<PendingUpload | null> {
    if (!z.string().uuid().safeParse(id).success) return null;
    try {
      return ZPendingUpload.parse(JSON.parse(await readFile(this.metaPath(id), "utf8")));
    } catch {
      return null;
    }
  }

  /** The unfinished upload of this bundle by this kit, so a second run resumes it. */
  async findResumable(
    fingerprint: string,
    incidentId: string,
    sha256: string,
  ): Promise<PendingUpload | null> {
    for (const upload of await this.list())
      if (upload.fingerprint === fingerprint && upload.incidentId === incidentId && upload.sha256 === sha256)
        return upload;
    return null;
  }

  async offset(id: string): Promise<number> {
    return (await stat(this.partPath(id))).size;
  }

  async append(id: string, chunk: Buffer): Promise<void> {
    await appendFile(this.partPath(id), chunk);
  }

  async remove(id: string): Promise<void> {
    await rm(this.partPath(id), { force: true });
    await rm(this.metaPath(id), { force: true });
  }

  /** Removes uploads older than the expiry; returns the ids removed. */
  async removeExpired(now = Date.now()): Promise<string[]> {
    const removed: string[] = [];
    for (const upload of await this.list()) {
      if (now - Date.parse(upload.startedAt) < KIT_UPLOAD_EXPIRY_MS) continue;
      await this.remove(upload.id);
      removed.push(upload.id);
    }
    return removed;
  }

  private async list(): Promise<PendingUpload[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const uploads: PendingUpload[] = [];
    for (const name of names.filter((n) => n.endsWith(".json"))) {
      const upload = await this.get(name.slice(0, -".json".length));
      if (upload) uploads.push(upload);
    }
    return uploads;
  }
}
