import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testBackends } from "@sonae/db/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedHubUnits } from "../auth/hub-units.service";
import { buildBrandBatch } from "./card-batches.service";
import { importCards } from "./card-import.service";
import { loadCardKeys } from "./card-keys";
import { setCardRecipient } from "./card-recipients.service";
import { brandKeyPair, EXPOSURE_NONE, TEST_CARDS } from "./card-test-fixtures";

const ctx = { actor: null, ip: null, userAgent: "test" };

describe.each(testBackends())("brand batches on $name", (backend) => {
  it("puts each waiting number in exactly one batch when two builds race (several hub processes)", async () => {
    const handle = await backend.open();
    try {
      const db = handle.db;
      await seedHubUnits(db, ctx);
      const keys = loadCardKeys(mkdtempSync(join(tmpdir(), "sonae-cards-")), {});
      await setCardRecipient(db, ctx, {
        brand: "visa",
        name: "Visa",
        publicKeyArmored: (await brandKeyPair("visa")).publicKey,
      });
      const result = await importCards(db, keys, ctx, {
        unitId: 13,
        kind: "text",
        lines: TEST_CARDS.visa.map((raw, i) => ({
          line: i + 1,
          raw,
          fromNumberCell: false,
          exposure: {},
          expiryDamaged: false,
        })),
        defaults: { exposure: EXPOSURE_NONE, source: { kind: "case", ref: "race" }, learnedOn: "2026-12-01" },
        lang: "ja",
      });
      const [a, b] = await Promise.all([
        buildBrandBatch(db, keys, ctx, "visa"),
        buildBrandBatch(db, keys, ctx, "visa"),
      ]);
      const built = [a, b].filter((x) => x !== null);
      // Numbers another test run already entered are duplicates here and were batched there.
      if (result.accepted === 0) expect(built).toEqual([]);
      else {
        expect(built).toHaveLength(1);
        expect(built[0]!.manifest.count).toBeGreaterThanOrEqual(result.accepted);
      }
      const twice = (await db.execute(sql`
        SELECT e.id FROM hub_card_batch_items bi JOIN hub_card_batches b ON b.id = bi.batch_id
        JOIN hub_card_entries e ON e.id = bi.entry_id
        WHERE b.reissue_of IS NULL GROUP BY e.id HAVING count(*) > 1`)) as unknown as { rows: unknown[] };
      expect(twice.rows).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
