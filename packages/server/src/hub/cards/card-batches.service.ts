import { randomUUID } from "node:crypto";
import { AppError, HUB_CARD_BRANDS, type THubCardBrand, type THubCardManifest } from "@sonae/core";
import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { pgArray } from "../store/pg-array";
import { type BatchLine, buildBatchCsv, encryptForRecipient, sha256 } from "./card-batch-file";
import type { CardKeys } from "./card-keys";
import { openImportKey, openPan } from "./card-vault";

type Tx = Pick<Db, "execute" | "insert">;
type EntryRow = {
  id: string;
  import_id: string;
  wrapped_dek: Buffer | Uint8Array;
  pan_sealed: Buffer | Uint8Array;
  pan_hmac: Buffer | Uint8Array;
  learned_on: string | Date;
  exposed_expiry: boolean;
  exposed_cvc: boolean;
  exposed_holder: boolean;
  exposed_3ds: boolean;
};

const buf = (b: Buffer | Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b));
const day = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

async function activeRecipient(tx: Tx, brand: THubCardBrand) {
  const r = (await tx.execute(sql`
    SELECT id, public_key_armored, fingerprint FROM hub_card_recipients WHERE brand = ${brand} AND active`)) as unknown as {
    rows: { id: string; public_key_armored: string; fingerprint: string }[];
  };
  const row = r.rows[0];
  if (!row)
    throw new AppError("CONFLICT", {
      detail: {
        ja: "このブランドの受領者の公開鍵が登録されていません(全国ユニットの管理者が登録します)。",
        en: "No recipient public key is registered for this brand (a national unit admin registers it).",
      },
    });
  return row;
}

/** Opens every sealed number (one data key per import, unwrapped once). */
function openLines(keys: CardKeys, rows: readonly EntryRow[]): BatchLine[] {
  const deks = new Map<string, Buffer>();
  return rows.map((r) => {
    let dek = deks.get(r.import_id);
    if (!dek) {
      dek = openImportKey(keys, buf(r.wrapped_dek), r.import_id);
      deks.set(r.import_id, dek);
    }
    return {
      pan: openPan(dek, r.id, buf(r.pan_sealed)),
      learnedOn: day(r.learned_on),
      expiry: r.exposed_expiry,
      cvc: r.exposed_cvc,
      holder: r.exposed_holder,
      threeDs: r.exposed_3ds,
    };
  });
}

const ENTRY_COLUMNS = sql`e.id, e.import_id, i.wrapped_dek, e.pan_sealed, e.pan_hmac, e.learned_on,
  e.exposed_expiry, e.exposed_cvc, e.exposed_holder, e.exposed_3ds`;

/**
 * Writes one batch: the encrypted file, its manifest, the numbers it carries (by keyed hash) and
 * the audit event, in the caller's transaction.
 */
async function writeBatch(
  tx: Tx,
  keys: CardKeys,
  ctx: RequestContext,
  brand: THubCardBrand,
  rows: readonly EntryRow[],
  reissueOf: string | null,
) {
  const recipient = await activeRecipient(tx, brand);
  const batchId = randomUUID();
  const { csv, manifest: base } = buildBatchCsv(openLines(keys, rows));
  const armored = await encryptForRecipient(csv, recipient.public_key_armored, brand, batchId);
  csv.fill(0); // the plaintext file is not kept beyond this point
  const manifest: THubCardManifest = {
    brand,
    ...base,
    encryptedSha256: sha256(armored),
    recipientFingerprint: recipient.fingerprint,
    reissueOf,
  };
  await tx.execute(sql`
    INSERT INTO hub_card_batches (id, brand, recipient_id, reissue_of, created_by, count, manifest, file_encrypted)
    VALUES (${batchId}, ${brand}, ${recipient.id}, ${reissueOf}, ${ctx.actor?.userId ?? null}, ${manifest.count},
      ${JSON.stringify(manifest)}::jsonb, ${armored})`);
  await tx.execute(sql`
    INSERT INTO hub_card_batch_items (batch_id, entry_id, pan_hmac)
    SELECT ${batchId}, id, decode(h, 'hex')
    FROM unnest(${pgArray(rows.map((r) => r.id))}::uuid[], ${pgArray(rows.map((r) => buf(r.pan_hmac).toString("hex")))}::text[]) AS x(id, h)`);
  await recordAudit(tx, ctx, {
    type: "hub.card_batch_built",
    batchId,
    brand,
    count: manifest.count,
    fileSha256: manifest.fileSha256,
    recipientFingerprint: recipient.fingerprint,
    reissueOf,
  });
  return { id: batchId, manifest };
}

/**
 * Builds the batch of one brand from every waiting number, de-duplicated against every number
 * already carried to that brand. Serialised per brand by a transaction-scoped advisory lock, so
 * several hub processes (or the scheduler and an officer) never put a number into two batches.
 * Returns null when nothing is waiting.
 */
export async function buildBrandBatch(db: Db, keys: CardKeys, ctx: RequestContext, brand: THubCardBrand) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`sonae-hub-card-batch:${brand}`}))`);
    const rows = (
      (await tx.execute(sql`
        SELECT ${ENTRY_COLUMNS}
        FROM hub_card_entries e JOIN hub_card_imports i ON i.id = e.import_id
        WHERE e.brand = ${brand} AND e.batch_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM hub_card_batch_items bi JOIN hub_card_batches b ON b.id = bi.batch_id
                          WHERE b.brand = ${brand} AND bi.pan_hmac = e.pan_hmac)`)) as unknown as {
        rows: EntryRow[];
      }
    ).rows;
    if (rows.length === 0) return null;
    const batch = await writeBatch(tx, keys, ctx, brand, rows, null);
    await tx.execute(sql`
      UPDATE hub_card_entries SET batch_id = ${batch.id} WHERE id = ANY(${pgArray(rows.map((r) => r.id))}::uuid[])`);
    return batch;
  });
}

/** What a scheduler calls (and "build all" on the page): one batch per brand with waiting numbers. */
export async function buildAllBrandBatches(db: Db, keys: CardKeys, ctx: RequestContext) {
  const built = [];
  for (const brand of HUB_CARD_BRANDS) {
    const batch = await buildBrandBatch(db, keys, ctx, brand);
    if (batch) built.push(batch);
  }
  return built;
}

/**
 * A new batch with the same numbers as an earlier one, encrypted to the brand's current key (e.g.
 * after the brand rotated it). The earlier batch is never changed; the new one names it.
 */
export async function reissueBatch(db: Db, keys: CardKeys, ctx: RequestContext, batchId: string) {
  return db.transaction(async (tx) => {
    const old = await getBatchRow(tx, batchId);
    const rows = (
      (await tx.execute(sql`
        SELECT ${ENTRY_COLUMNS}
        FROM hub_card_batch_items bi JOIN hub_card_entries e ON e.id = bi.entry_id
          JOIN hub_card_imports i ON i.id = e.import_id
        WHERE bi.batch_id = ${batchId}`)) as unknown as { rows: EntryRow[] }
    ).rows;
    return writeBatch(tx, keys, ctx, old.brand as THubCardBrand, rows, batchId);
  });
}

export async function getBatchRow(tx: Tx, batchId: string) {
  const r = (await tx.execute(sql`
    SELECT id, brand, count, manifest, created_at, sent_at, sent_by, reissue_of FROM hub_card_batches WHERE id = ${batchId}`)) as unknown as {
    rows: {
      id: string;
      brand: string;
      count: number;
      manifest: THubCardManifest | string;
      created_at: string | Date;
      sent_at: string | Date | null;
      reissue_of: string | null;
    }[];
  };
  const row = r.rows[0];
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Records that the batch was handed to the brand (who, when, which numbers by keyed hash). */
export async function markBatchSent(db: Db, ctx: RequestContext, batchId: string) {
  return db.transaction(async (tx) => {
    const row = await getBatchRow(tx, batchId);
    if (row.sent_at)
      throw new AppError("CONFLICT", {
        detail: {
          ja: "このバッチは送付済みとして記録されています。",
          en: "This batch is already recorded as sent.",
        },
      });
    const hashes = (
      (await tx.execute(sql`
        SELECT encode(pan_hmac, 'hex') AS h FROM hub_card_batch_items WHERE batch_id = ${batchId} ORDER BY 1`)) as unknown as {
        rows: { h: string }[];
      }
    ).rows.map((r) => r.h);
    await tx.execute(sql`
      UPDATE hub_card_batches SET sent_at = now(), sent_by = ${ctx.actor?.userId ?? null} WHERE id = ${batchId}`);
    await recordAudit(tx, ctx, {
      type: "hub.card_batch_sent",
      batchId,
      brand: row.brand,
      count: hashes.length,
      itemsSha256: sha256(hashes.join("\n")),
    });
  });
}

export async function getBatchFile(db: Db, ctx: RequestContext, batchId: string) {
  return db.transaction(async (tx) => {
    const r = (await tx.execute(sql`
      SELECT brand, file_encrypted FROM hub_card_batches WHERE id = ${batchId}`)) as unknown as {
      rows: { brand: string; file_encrypted: string }[];
    };
    const row = r.rows[0];
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "hub.card_batch_downloaded", batchId, brand: row.brand });
    return row;
  });
}
