import { randomUUID } from "node:crypto";
import { hubUrlPartners } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestActor } from "../../testing/factories";
import type { HubActor } from "../auth/hub.policy";
import { seedHubUnits } from "../auth/hub-units.service";
import { submitPartnerBatch } from "./partner-intake.service";
import { pullFeed } from "./url-feeds.service";
import { seedUrlFeeds } from "./url-feeds-seed";
import { judgeUrl } from "./url-judgement.service";
import { createPartner } from "./url-partners.service";
import { findPhishUrls } from "./url-queries.service";

/**
 * The same flow as the HTTP test at service level, on PGlite and on PostgreSQL (a shared test
 * database: every host is unique to the run and feeds are read for those hosts only).
 */
// The assistant's proposals are filled after COMMIT; this test closes its database right away.
process.env.SONAE_HUB_URL_PROPOSALS = "off";

describe.each(testBackends())("phishing URL services on $name", (backend) => {
  it("deduplicates a partner batch, lists a confirmed URL, and withdraws it since a cursor", async () => {
    const handle = await backend.open();
    try {
      const db = handle.db;
      const ctx = await createTestActor(db);
      await seedHubUnits(db, ctx);
      await seedUrlFeeds(db);
      const national: HubActor = { ...ctx.actor, unitId: 0, hubRole: "unit_admin", isNational: true };
      const tokyoAnalyst: HubActor = { ...ctx.actor, unitId: 13, hubRole: "analyst", isNational: false };
      const run = randomUUID().slice(0, 8);
      const host = `login-${run}.phish-svc-${run}.xyz`;
      const submitter = await createPartner(db, ctx, national, {
        name: `P-${run}`,
        canSubmit: true,
        dailyQuota: 10,
      });
      const consumer = await createPartner(db, ctx, national, { name: `V-${run}`, feeds: ["all"] });
      const row = async (id: string) =>
        (await db.select().from(hubUrlPartners).where(eq(hubUrlPartners.id, id)))[0]!;

      const csv = `url,brand,id\nhttps://${host}/a?x=1,例示銀行,r1\n"HTTPS://${host.toUpperCase()}/a?x=1",,r2\nnot a url,,r3\n`;
      const result = await submitPartnerBatch(db, ctx, await row(submitter.id), "csv", csv);
      expect(result).toMatchObject({ accepted: 2, created: 1, rejected: 1 });
      expect(result.lines.map((l) => l.ok)).toEqual([true, true, false]);

      // Quota: 2 of 10 used; 9 more lines are refused as a whole, 8 fit.
      const lines = (n: number) =>
        `url\n${Array.from({ length: n }, (_, i) => `https://q${i}-${host}/`).join("\n")}`;
      await expect(
        submitPartnerBatch(db, ctx, await row(submitter.id), "csv", lines(9)),
      ).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
      await expect(
        submitPartnerBatch(db, ctx, await row(submitter.id), "csv", lines(8)),
      ).resolves.toMatchObject({
        accepted: 8,
      });

      const found = await findPhishUrls(db, ctx, tokyoAnalyst, { q: `https://${host}/a?x=1`, limit: 10 });
      expect(found.items.map((u) => [u.canonical, u.sightingCount])).toEqual([[`https://${host}/a?x=1`, 2]]);
      const id = found.items[0]!.id;

      const mine = (body: string) =>
        body.split("\n").filter((l) => l.includes(host) && !l.includes(`-${host}/`) && !l.startsWith("#"));
      const consumerRow = await row(consumer.id);
      const before = await pullFeed(db, ctx, consumerRow, "all", "txt", null, false);
      expect(mine(before.body)).toEqual([]);

      await judgeUrl(db, ctx, tokyoAnalyst, id, {
        state: "confirmed",
        category: "phishing",
        reason: "偽ログイン画面",
      });
      const listed = await pullFeed(db, ctx, consumerRow, "all", "txt", null, false);
      expect(mine(listed.body)).toEqual([`https://${host}/a?x=1`]);
      const added = await pullFeed(db, ctx, consumerRow, "all", "txt", before.cursor, false);
      expect(mine(added.body)).toEqual([`+https://${host}/a?x=1`]);

      await judgeUrl(db, ctx, tokyoAnalyst, id, { state: "unreachable", reason: "テイクダウン済み" });
      const after = await pullFeed(db, ctx, consumerRow, "all", "txt", listed.cursor, false);
      expect(mine(after.body)).toEqual([`-https://${host}/a?x=1`]);
      expect(after.cursor).toBeGreaterThan(listed.cursor);
      const withdrawals = await pullFeed(db, ctx, consumerRow, "all", "csv", before.cursor, true);
      expect(withdrawals.body).toMatch(
        new RegExp(`withdrawn,https://${host.replace(/\./g, "\\.")}/a\\?x=1,.*cleaned: テイクダウン済み`),
      );
      expect(mine((await pullFeed(db, ctx, consumerRow, "all", "txt", null, false)).body)).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
