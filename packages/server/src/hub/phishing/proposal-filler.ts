import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { pgArray } from "../store/pg-array";
import { normaliseReportedUrl, proposeVerdict } from "./url-normaliser";

/**
 * The assistant's proposal for new URL records, stored for the queue's brand filter. Kept off the
 * ingest transaction on purpose: proposeVerdict costs about a millisecond per URL, which would cap
 * bulk ingest far below its aim. It runs after COMMIT in small chunks, yielding between them; a
 * record whose proposal is lost (restart) still gets it live on its detail page.
 */
const CHUNK = 200;

export function fillProposalsLater(db: Db, canonicals: readonly string[]): void {
  // Off for bench:urls, which measures ingest alone and the assistant's cost separately.
  if (canonicals.length === 0 || process.env.SONAE_HUB_URL_PROPOSALS === "off") return;
  const run = async () => {
    for (let i = 0; i < canonicals.length; i += CHUNK) {
      await new Promise((resolve) => setImmediate(resolve));
      const rows = canonicals.slice(i, i + CHUNK).flatMap((c) => {
        const n = normaliseReportedUrl(c);
        if (!n.ok) return [];
        const p = proposeVerdict(n.url);
        return [{ sha: n.url.canonicalSha256, verdict: p.verdict, brand: p.brand?.id ?? null }];
      });
      if (rows.length === 0) continue;
      await db.execute(sql`
        UPDATE hub_phish_urls u SET proposed_verdict = x.v, proposed_brand_id = x.b
        FROM unnest(${pgArray(rows.map((r) => r.sha))}::text[], ${pgArray(rows.map((r) => r.verdict))}::text[],
          ${pgArray(rows.map((r) => r.brand))}::text[]) AS x(s, v, b)
        WHERE u.sha256 = x.s`);
    }
  };
  run().catch((error) => process.emitWarning(`URL proposals not stored: ${String(error)}`));
}
