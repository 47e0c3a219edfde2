import { open, stat } from "node:fs/promises";
import path from "node:path";
import type { KitConfig } from "./kit-config";
import { both } from "./kit-console";
import {
  isAllowedUploadUrl,
  KIT_UPLOAD_CHUNK_BYTES,
  KIT_UPLOAD_HEADERS,
  sha256Hex,
  signKitUpload,
} from "./upload-signature";

type UploadConfig = Pick<KitConfig, "uploadUrl" | "signingKeyPem" | "fingerprint" | "incident">;

export interface KitUploadOptions {
  config: UploadConfig;
  bundlePath: string;
  /** SHA-256 (hex) of the bundle, already computed when it was made. */
  sha256: string;
  fetchImpl?: typeof fetch;
  chunkBytes?: number;
  onProgress?: (sent: number, total: number) => void;
  /** Stops after this many chunks (tests simulate an interrupted connection with it). */
  maxChunks?: number;
}

export type KitUploadResult =
  | { status: "complete"; bundle: unknown }
  | { status: "partial"; offset: number; size: number };

/** A failed upload: the message says why, in both languages; the local bundle is untouched. */
export class KitUploadError extends Error {
  constructor(
    readonly ja: string,
    readonly en: string,
  ) {
    super(both(ja, en));
  }
}

/**
 * Uploads the bundle to the server the kit came from, resumably: the server is asked where it is
 * (a second run continues an interrupted upload of the same bundle), then 8 MiB chunks are sent at
 * that offset. Every request is signed by the kit key; the server knows the kit's public key.
 */
export async function uploadBundleToServer(options: KitUploadOptions): Promise<KitUploadResult> {
  const { config, bundlePath, sha256 } = options;
  const base = config.uploadUrl;
  if (!base || !isAllowedUploadUrl(base))
    throw new KitUploadError("このキットにはアップロード先がありません", "This kit has no upload address");
  const fetchImpl = options.fetchImpl ?? fetch;
  const chunkBytes = options.chunkBytes ?? KIT_UPLOAD_CHUNK_BYTES;
  const size = (await stat(bundlePath)).size;
  const send = async (method: string, urlPath: string, offset: number, body?: Buffer) => {
    const timestamp = new Date().toISOString();
    const chunkSha256 = body ? sha256Hex(body) : method === "POST" ? sha256 : sha256Hex("");
    const signature = signKitUpload(config.signingKeyPem, {
      method,
      path: urlPath,
      offset,
      chunkSha256,
      timestamp,
    });
    let res: Response;
    try {
      res = await fetchImpl(new URL(urlPath, base), {
        method,
        headers: {
          [KIT_UPLOAD_HEADERS.key]: config.fingerprint,
          [KIT_UPLOAD_HEADERS.timestamp]: timestamp,
          [KIT_UPLOAD_HEADERS.signature]: signature,
          ...(body ? { "content-type": "application/octet-stream" } : {}),
        },
        body: body ? new Uint8Array(body) : undefined,
      });
    } catch (error) {
      throw new KitUploadError(
        `サーバーに接続できません (${(error as Error).message})`,
        `Cannot reach the server (${(error as Error).message})`,
      );
    }
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw serverRefusal(res.status, json);
    return json;
  };
  const query = new URLSearchParams({ size: String(size), sha256, name: path.basename(bundlePath) });
  const started = await send("POST", `/api/kit-uploads/incidents/${config.incident.id}?${query}`, 0);
  const uploadId = String(started.uploadId);
  let offset = Number(started.offset);
  if (started.bundle) return { status: "complete", bundle: started.bundle };
  const file = await open(bundlePath, "r");
  try {
    let chunks = 0;
    while (offset < size) {
      if (options.maxChunks !== undefined && chunks >= options.maxChunks)
        return { status: "partial", offset, size };
      const length = Math.min(chunkBytes, size - offset);
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await file.read(chunk, 0, length, offset);
      if (bytesRead !== length)
        throw new KitUploadError("バンドルの読み取りに失敗しました", "Could not read the bundle");
      const answer = await send("PUT", `/api/kit-uploads/${uploadId}?offset=${offset}`, offset, chunk);
      chunks += 1;
      if (answer.bundle) {
        options.onProgress?.(size, size);
        return { status: "complete", bundle: answer.bundle };
      }
      offset = Number(answer.offset);
      options.onProgress?.(offset, size);
    }
  } finally {
    await file.close();
  }
  throw new KitUploadError("サーバーが完了を返しませんでした", "The server did not confirm completion");
}

/** The server's error body is `{ error: { code, message } }` (message in Japanese: no accept-language). */
function serverRefusal(status: number, json: Record<string, unknown>): KitUploadError {
  const error = (json.error ?? {}) as { code?: string; message?: string };
  const detail = [error.code, error.message].filter(Boolean).join(": ");
  return new KitUploadError(
    `サーバーが受け付けませんでした (HTTP ${status}) ${detail}`.trim(),
    `The server refused the upload (HTTP ${status}) ${detail}`.trim(),
  );
}
