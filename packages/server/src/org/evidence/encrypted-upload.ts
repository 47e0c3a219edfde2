import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { decryptBundle, ENCRYPTED_MAGIC } from "@sonae/collector";
import { AppError } from "@sonae/core";
import type { AppDeps } from "../../app-deps";
import { loadOrganisationKey } from "./organisation-key";

/**
 * An upload as the vault should see it: a plain bundle passes through untouched; a kit bundle
 * encrypted to the organisation key (`.zip.sonae-enc`) is decrypted first, in a private temp folder
 * that `cleanup` removes. A bundle that does not decrypt with this organisation's key is refused.
 */
export async function plainUpload(
  deps: AppDeps,
  organisationId: string,
  source: AsyncIterable<Buffer>,
): Promise<{ source: AsyncIterable<Buffer>; cleanup: () => Promise<void>; encrypted: boolean }> {
  const iterator = source[Symbol.asyncIterator]();
  let first = Buffer.alloc(0);
  const pending: Buffer[] = [];
  while (first.length < ENCRYPTED_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    pending.push(next.value);
    first = Buffer.concat([first, next.value]);
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* pending;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (!first.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) {
    return { source: replay(), cleanup: async () => {}, encrypted: false };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "sonae-encrypted-upload-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(Readable.from(replay()), createWriteStream(path.join(dir, "bundle.enc"), { mode: 0o600 }));
    const key = await loadOrganisationKey(deps, organisationId);
    await decryptBundle(path.join(dir, "bundle.enc"), path.join(dir, "bundle.zip"), key.privateKeyPem).catch(
      (cause: unknown) => {
        throw new AppError("EVIDENCE_REJECTED", {
          field: "file",
          cause,
          detail: {
            ja: "暗号化されたバンドルをこの組織の鍵で復号できません（別の組織宛て、または改変・破損）。何も保管していません",
            en: "The encrypted bundle does not decrypt with this organisation's key (meant for another organisation, altered or damaged). Nothing was stored",
          },
        });
      },
    );
    return { source: createReadStream(path.join(dir, "bundle.zip")), cleanup, encrypted: true };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
