import { createCipheriv, randomBytes, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { AppError } from "@sonae/core";
import { type Db, hubAttachments, hubReports } from "@sonae/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { sealJson, unwrapDataKey } from "../store/envelope";
import type { HubKeyring } from "../store/hub-keyring";

/** Per-file limit for attachments (screenshots, ransom notes, mail headers). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REPORT = 20;

/**
 * Encrypts a stream chunk by chunk with the report's data key (same blob layout as envelope.ts:
 * version | iv | tag | ciphertext): the plaintext is never held whole nor written anywhere.
 */
async function encryptStream(dek: Buffer, stream: Readable, aad: string, limit: number) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dek, iv);
  cipher.setAAD(Buffer.from(aad));
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError("PAYLOAD_TOO_LARGE");
    parts.push(cipher.update(chunk as Buffer));
  }
  parts.push(cipher.final());
  return { size, blob: Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), ...parts]) };
}

/** Adds one attachment to a report. `truncated()` reports the multipart limit being hit. */
export async function addAttachment(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  reportId: string,
  file: { fileName: string; mimeType: string; stream: Readable; truncated(): boolean },
) {
  const [report] = await db.select().from(hubReports).where(eq(hubReports.id, reportId)).limit(1);
  if (!report) throw new AppError("NOT_FOUND");
  const existing = await db.$count(hubAttachments, eq(hubAttachments.reportId, reportId));
  if (existing >= MAX_ATTACHMENTS_PER_REPORT) throw new AppError("PAYLOAD_TOO_LARGE");
  const dek = unwrapDataKey(ring.kek, report.wrappedKey, report.id);
  const id = randomUUID();
  const { size, blob } = await encryptStream(dek, file.stream, `attachment:${id}`, MAX_ATTACHMENT_BYTES);
  if (file.truncated()) throw new AppError("PAYLOAD_TOO_LARGE");
  const meta = { fileName: file.fileName.slice(0, 300), mimeType: file.mimeType.slice(0, 100) };
  await db.transaction(async (tx) => {
    await tx.insert(hubAttachments).values({
      id,
      reportId,
      sizeBytes: size,
      metaEnc: sealJson(dek, meta, `attachment-meta:${id}`),
      contentEnc: blob,
    });
    await recordAudit(
      tx,
      ctx,
      {
        type: "hub.attachment_added",
        reportId,
        reference: report.reference,
        attachmentId: id,
        sizeBytes: size,
      },
      null,
    );
  });
  return { id, fileName: meta.fileName, sizeBytes: size };
}
