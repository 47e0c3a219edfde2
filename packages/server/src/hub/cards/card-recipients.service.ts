import { AppError, type THubCardBrand } from "@sonae/core";
import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { readRecipientKey } from "./card-batch-file";

type RecipientRow = {
  id: string;
  brand: THubCardBrand;
  name: string;
  fingerprint: string;
  active: boolean;
  created_at: string | Date;
};

const present = (r: RecipientRow) => ({
  id: r.id,
  brand: r.brand,
  name: r.name,
  fingerprint: r.fingerprint,
  active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Registers a brand's OpenPGP public key; the previous key of that brand stays on record but is no
 * longer used (batches name the recipient they were encrypted to).
 */
export async function setCardRecipient(
  db: Db,
  ctx: RequestContext,
  input: { brand: THubCardBrand; name: string; publicKeyArmored: string },
) {
  let fingerprint: string;
  try {
    fingerprint = (await readRecipientKey(input.publicKeyArmored)).fingerprint;
  } catch (cause) {
    throw new AppError("VALIDATION", {
      field: "publicKeyArmored",
      detail: {
        ja: "暗号化に使える OpenPGP 公開鍵(ASCII 形式)ではありません。秘密鍵は登録できません。",
        en: "This is not an OpenPGP public key (ASCII armored) that can encrypt. Private keys are refused.",
      },
      cause,
    });
  }
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE hub_card_recipients SET active = false WHERE brand = ${input.brand} AND active`,
    );
    const row = (
      (await tx.execute(sql`
        INSERT INTO hub_card_recipients (brand, name, public_key_armored, fingerprint, created_by)
        VALUES (${input.brand}, ${input.name}, ${input.publicKeyArmored}, ${fingerprint}, ${ctx.actor?.userId ?? null})
        RETURNING id, brand, name, fingerprint, active, created_at`)) as unknown as { rows: RecipientRow[] }
    ).rows[0]!;
    await recordAudit(tx, ctx, {
      type: "hub.card_recipient_set",
      recipientId: row.id,
      brand: input.brand,
      fingerprint,
    });
    return present(row);
  });
}

export async function findCardRecipients(db: Db, ctx: RequestContext) {
  return db.transaction(async (tx) => {
    const rows = (
      (await tx.execute(sql`
        SELECT id, brand, name, fingerprint, active, created_at FROM hub_card_recipients ORDER BY brand, created_at DESC`)) as unknown as {
        rows: RecipientRow[];
      }
    ).rows;
    await recordAudit(tx, ctx, { type: "hub.card_recipients_viewed", count: rows.length });
    return rows.map(present);
  });
}
