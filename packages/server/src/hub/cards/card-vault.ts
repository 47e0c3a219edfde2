import { createHmac } from "node:crypto";
import { newDataKey, openBytes, sealBytes, unwrapDataKey } from "../store/envelope";
import type { CardKeys } from "./card-keys";

/**
 * Sealing and keyed hashing of full numbers. One data key per import (wrapped by the KEK with the
 * import id as associated data); each number is sealed with AAD `card:<entry id>`, so a sealed
 * number copied onto another row does not open.
 */
export function panHmac(keys: CardKeys, pan: string): Buffer {
  return createHmac("sha256", keys.hmacKey).update(pan).digest();
}

export function newImportKey(keys: CardKeys, importId: string) {
  return newDataKey(keys.kek, `card-import:${importId}`);
}

export function openImportKey(keys: CardKeys, wrapped: Buffer, importId: string): Buffer {
  return unwrapDataKey(keys.kek, wrapped, `card-import:${importId}`);
}

export function sealPan(dek: Buffer, entryId: string, pan: string): Buffer {
  return sealBytes(dek, Buffer.from(pan, "ascii"), `card:${entryId}`);
}

export function openPan(dek: Buffer, entryId: string, sealed: Buffer): string {
  return openBytes(dek, sealed, `card:${entryId}`).toString("ascii");
}
