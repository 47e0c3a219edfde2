import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { KIT_UPLOAD_CHUNK_BYTES } from "@sonae/collector";
import { AppError } from "@sonae/core";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { type BundleRow, uploadEvidence } from "./evidence.service";
import { evidenceMaxBytes } from "./evidence-vault";
import type { KitActor, KitKeyRow } from "./kit-upload-auth";
import { KitUploadStore, type PendingUpload } from "./kit-upload-store";

type KitCtx = RequestContext & { actor: KitActor };

/** Uploads receiving a chunk right now: a second request for the same upload waits its turn (409). */
const busy = new Set<string>();

export interface StartRequest {
  incidentId: string;
  size: number;
  sha256: string;
  fileName: string;
}

/** Starts (or finds again, to resume) the upload of one bundle by one kit; expired partials go first. */
export async function startKitUpload(
  deps: AppDeps,
  ctx: KitCtx,
  key: KitKeyRow,
  start: StartRequest,
): Promise<{ upload: PendingUpload; offset: number }> {
  const store = new KitUploadStore(deps);
  await store.removeExpired();
  if (start.size > evidenceMaxBytes())
    throw new AppError("PAYLOAD_TOO_LARGE", {
      detail: {
        ja: `証拠バンドルが上限 ${evidenceMaxBytes()} バイトを超えています`,
        en: `The evidence bundle exceeds the limit of ${evidenceMaxBytes()} bytes`,
      },
    });
  const existing = await store.findResumable(key.fingerprint, start.incidentId, start.sha256);
  const upload =
    existing ??
    (await store.create({
      organisationId: key.organisationId,
      incidentId: start.incidentId,
      fingerprint: key.fingerprint,
      size: start.size,
      sha256: start.sha256,
      fileName: start.fileName,
    }));
  await recordAudit(deps.db, ctx, {
    type: "evidence.kit_upload_started",
    incidentId: start.incidentId,
    kitId: ctx.actor.kit.kitId,
    uploadId: upload.id,
    sizeBytes: upload.size,
    sha256: upload.sha256,
    resumed: Boolean(existing),
  });
  return { upload, offset: await store.offset(upload.id) };
}

/** The upload, when it belongs to this kit (otherwise it does not exist for the caller). */
export async function findKitUpload(deps: AppDeps, key: KitKeyRow, uploadId: string): Promise<PendingUpload> {
  const upload = await new KitUploadStore(deps).get(uploadId);
  if (!upload || upload.fingerprint !== key.fingerprint) throw new AppError("NOT_FOUND");
  return upload;
}

export function kitUploadOffset(deps: AppDeps, upload: PendingUpload): Promise<number> {
  return new KitUploadStore(deps).offset(upload.id);
}

/**
 * Appends one chunk at `offset`, which must be exactly what the server holds (the kit learns it from
 * the answer). The last chunk completes the upload: the whole file must match the SHA-256 announced at
 * start, then the vault ingests it as any upload (verification, custody, audit) and the partial goes.
 */
export async function appendKitChunk(
  deps: AppDeps,
  ctx: KitCtx,
  upload: PendingUpload,
  offset: number,
  chunk: Buffer,
): Promise<{ offset: number; row: BundleRow | null }> {
  if (busy.has(upload.id))
    throw conflict("この送信は別の要求が処理中です", "Another request is writing this upload");
  busy.add(upload.id);
  try {
    const store = new KitUploadStore(deps);
    const held = await store.offset(upload.id);
    if (offset !== held)
      throw conflict(
        `サーバーが受信済みなのは ${held} バイトです。その位置から再送してください`,
        `The server holds ${held} bytes: continue from there`,
      );
    if (chunk.length === 0 || chunk.length > KIT_UPLOAD_CHUNK_BYTES || held + chunk.length > upload.size)
      throw new AppError("VALIDATION", {
        field: "chunk",
        detail: { ja: "チャンクの大きさが正しくありません", en: "The chunk size is not valid" },
      });
    await store.append(upload.id, chunk);
    const received = held + chunk.length;
    if (received < upload.size) return { offset: received, row: null };
    return { offset: received, row: await completeKitUpload(deps, ctx, store, upload) };
  } finally {
    busy.delete(upload.id);
  }
}

async function completeKitUpload(
  deps: AppDeps,
  ctx: KitCtx,
  store: KitUploadStore,
  upload: PendingUpload,
): Promise<BundleRow> {
  try {
    const hash = createHash("sha256");
    for await (const data of createReadStream(store.partPath(upload.id))) hash.update(data as Buffer);
    if (hash.digest("hex") !== upload.sha256)
      throw new AppError("EVIDENCE_REJECTED", {
        detail: {
          ja: "受信した内容の SHA-256 が開始時の値と一致しません。何も保管していません。最初から送り直してください",
          en: "The received bytes do not match the SHA-256 given at start. Nothing was stored: upload again",
        },
      });
    const { row } = await uploadEvidence(
      deps,
      ctx,
      upload.incidentId,
      upload.fileName,
      createReadStream(store.partPath(upload.id)),
      upload.fingerprint,
    );
    await recordAudit(deps.db, ctx, {
      type: "evidence.kit_upload_completed",
      incidentId: upload.incidentId,
      kitId: ctx.actor.kit.kitId,
      uploadId: upload.id,
      sha256: row.sha256,
    });
    return row;
  } finally {
    // Complete bytes that were stored or refused are never retried from the partial.
    await store.remove(upload.id);
  }
}

const conflict = (ja: string, en: string) => new AppError("CONFLICT", { detail: { ja, en } });
