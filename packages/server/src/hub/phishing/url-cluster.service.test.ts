import { randomUUID } from "node:crypto";
import { hubPhishUrls } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestActor } from "../../testing/factories";
import { seedHubUnits } from "../auth/hub-units.service";
import { fixtureResolver, resolveIntoPassiveDns } from "./passive-dns.service";
import { discoverOnIp, ipListingOf, sharedIpThreshold } from "./url-cluster.service";
import { prepareUrls, recordSightings } from "./url-store.service";

/**
 * Same-IP discovery and its limits: a fixture resolver (never the network) fills passive DNS; an
 * address with more unrelated registrable domains than the threshold, or on a CDN warning list, is
 * never used to list or discover by IP.
 */
describe.each(testBackends())("IP clusters on $name", (backend) => {
  it("discovers candidates on a dedicated phishing IP, never on shared hosting or a CDN range", async () => {
    const handle = await backend.open();
    try {
      const db = handle.db;
      const ctx = await createTestActor(db);
      await seedHubUnits(db, ctx);
      const run = randomUUID().slice(0, 8);
      // Unique addresses per run (the PostgreSQL test database is shared): 45.<run bytes>.
      const octet = (i: number) => Number.parseInt(run.slice(i, i + 2), 16);
      const dedicated = `45.${octet(0)}.${octet(2)}.1`;
      const shared = `45.${octet(0)}.${octet(2)}.2`;
      const limit = sharedIpThreshold();
      const table: Record<string, string[]> = {
        [`login.bank-${run}.xyz`]: [dedicated],
        [`secure.card-${run}.xyz`]: [dedicated],
        [`cdn-site-${run}.xyz`]: ["104.16.0.1"],
      };
      for (let i = 0; i <= limit; i++) table[`shop${i}-${run}.xyz`] = [shared];
      table[`evil-${run}.xyz`] = [shared];
      await resolveIntoPassiveDns(db, fixtureResolver(table), Object.keys(table));

      const { prepared } = prepareUrls(
        [`https://login.bank-${run}.xyz/`, `https://evil-${run}.xyz/`, `https://cdn-site-${run}.xyz/`].map(
          (raw, i) => ({
            line: i + 1,
            raw,
            sighting: { source: "case" as const, unitId: 13 },
          }),
        ),
      );
      await recordSightings(db, prepared);
      const ipOf = async (host: string) =>
        (await db.select().from(hubPhishUrls).where(eq(hubPhishUrls.host, host)))[0]?.ip;
      expect(await ipOf(`login.bank-${run}.xyz`)).toBe(dedicated);

      expect(await ipListingOf(db, dedicated)).toMatchObject({ allowed: true });
      expect(await ipListingOf(db, shared)).toMatchObject({ allowed: false, domainsOnIp: limit + 2 });
      expect((await ipListingOf(db, "104.16.0.1")).reason.en).toMatch(/warning list/);

      expect(await discoverOnIp(db, dedicated)).toBe(1);
      expect(
        (
          await db
            .select()
            .from(hubPhishUrls)
            .where(eq(hubPhishUrls.host, `secure.card-${run}.xyz`))
        )[0],
      ).toMatchObject({
        state: "candidate",
        discoveredVia: `ip:${dedicated}`,
      });
      expect(await discoverOnIp(db, shared)).toBe(0);
      expect(await discoverOnIp(db, "104.16.0.1")).toBe(0);
      expect(await ipOf(`shop0-${run}.xyz`)).toBeUndefined();
    } finally {
      await handle.close();
    }
  }, 180_000);
});
