import type { THubCardBatch, THubCardBrand, THubCardManifest } from "@sonae/core";
import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";

/** The batches with their manifests (never the file itself), newest first; the read is audited. */
export async function findCardBatches(db: Db, ctx: RequestContext): Promise<THubCardBatch[]> {
  return db.transaction(async (tx) => {
    const rows = (
      (await tx.execute(sql`
        SELECT id, brand, count, manifest, created_at, sent_at, reissue_of FROM hub_card_batches
        ORDER BY created_at DESC, id LIMIT 500`)) as unknown as {
        rows: {
          id: string;
          brand: THubCardBrand;
          count: number;
          manifest: THubCardManifest | string;
          created_at: string | Date;
          sent_at: string | Date | null;
          reissue_of: string | null;
        }[];
      }
    ).rows;
    await recordAudit(tx, ctx, { type: "hub.card_batches_viewed", batchIds: rows.map((r) => r.id) });
    return rows.map((r) => ({
      id: r.id,
      brand: r.brand,
      count: r.count,
      manifest: typeof r.manifest === "string" ? (JSON.parse(r.manifest) as THubCardManifest) : r.manifest,
      createdAt: new Date(r.created_at).toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      reissueOf: r.reissue_of,
    }));
  });
}
