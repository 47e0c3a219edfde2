import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@sonae/core";

/**
 * Envelope encryption: each report has its own 256-bit data key (DEK); the DEK is stored only
 * wrapped by the KEK (AES-256-GCM). Every blob is version(1) | iv(12) | tag(16) | ciphertext, with
 * associated data binding it to its report and purpose, so a blob moved to another row fails.
 */
const VERSION = 1;

function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, blob: Buffer, aad: string): Buffer {
  if (blob.length < 29 || blob[0] !== VERSION) throw new AppError("INTERNAL");
  const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(blob.subarray(13, 29));
  return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]);
}

export type DataKey = { dek: Buffer; wrapped: Buffer };

/** A fresh data key for a report, with its KEK-wrapped form for storage. */
export function newDataKey(kek: Buffer, reportId: string): DataKey {
  const dek = randomBytes(32);
  return { dek, wrapped: seal(kek, dek, `dek:${reportId}`) };
}

export function unwrapDataKey(kek: Buffer, wrapped: Buffer, reportId: string): Buffer {
  return open(kek, wrapped, `dek:${reportId}`);
}

export function sealJson(dek: Buffer, value: unknown, aad: string): Buffer {
  return seal(dek, Buffer.from(JSON.stringify(value)), aad);
}

export function openJson<T>(dek: Buffer, blob: Buffer, aad: string): T {
  return JSON.parse(open(dek, blob, aad).toString("utf8")) as T;
}

export function sealBytes(dek: Buffer, bytes: Buffer, aad: string): Buffer {
  return seal(dek, bytes, aad);
}

export function openBytes(dek: Buffer, blob: Buffer, aad: string): Buffer {
  return open(dek, blob, aad);
}
