import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testBackends } from "@sonae/db/testing";
import { describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, signHubRequest } from "../org/hub-client/hub-client";
import { createTestActor } from "../testing/factories";
import type { HubActor } from "./auth/hub.policy";
import { seedHubUnits } from "./auth/hub-units.service";
import { loadVisibleReport } from "./cases/case-access";
import { updateCase } from "./cases/cases.service";
import { findRelatedHits } from "./correlation/observations.repo";
import { submitSigned } from "./intake/signed-intake.service";
import { loadHubKeyring } from "./store/hub-keyring";
import { readNote, samplePackage } from "./testing/hub-test-app";

describe.each(testBackends())("hub services on $name", (backend) => {
  it("stores signed reports once, links shared indicators, and scopes visibility by unit", async () => {
    const handle = await backend.open();
    try {
      const db = handle.db;
      const ring = loadHubKeyring(mkdtempSync(join(tmpdir(), "sonae-hub-svc-")));
      const ctx = await createTestActor(db);
      await seedHubUnits(db, ctx);
      const org = generateHubOrgKeyPair();
      const note = `${readNote("akira", "akira_readme.txt")}\n${Math.random()}`;
      const send = (submissionId: string, prefectureCode: string) =>
        submitSigned(
          db,
          ctx,
          ring,
          signHubRequest(
            {
              type: "submission",
              submissionId,
              orgName: "株式会社X",
              prefectureCode,
              payload: samplePackage({ noteText: note }),
            },
            org.privateKeyPem,
          ),
        );
      const suffix = Math.random().toString(36).slice(2);
      const a = await send(`a-${suffix}-000`, "01");
      const again = await send(`a-${suffix}-000`, "01");
      expect(again.created).toBe(false);
      expect(again.receipt.reference).toBe(a.receipt.reference);
      const b = await send(`b-${suffix}-000`, "02");

      const hokkaido: HubActor = { ...ctx.actor, unitId: 1, hubRole: "intake_officer", isNational: false };
      const aomori: HubActor = { ...ctx.actor, unitId: 2, hubRole: "intake_officer", isNational: false };
      const national: HubActor = { ...ctx.actor, unitId: 0, hubRole: "analyst", isNational: true };
      const idOf = async (ref: string) => {
        const { hubReports } = await import("@sonae/db");
        const { eq } = await import("drizzle-orm");
        const [row] = await db.select().from(hubReports).where(eq(hubReports.reference, ref));
        return row!.id;
      };
      const aId = await idOf(a.receipt.reference);
      const bId = await idOf(b.receipt.reference);
      // The onion addresses link b to a for the national unit, but Aomori cannot see Hokkaido's report.
      // (On the shared PostgreSQL test database earlier runs' reports carry the same onions too.)
      expect((await findRelatedHits(db, bId, { national: true })).map((h) => h.reportId)).toContain(aId);
      expect(
        (await findRelatedHits(db, bId, { national: false, unitId: 2 })).map((h) => h.reportId),
      ).not.toContain(aId);
      await expect(loadVisibleReport(db, aomori, aId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await loadVisibleReport(db, national, aId)).id).toBe(aId);

      // Hokkaido shares its report with Aomori: now Aomori sees it and the link.
      await updateCase(db, ctx, hokkaido, aId, { action: "share", unitId: 2 });
      expect((await loadVisibleReport(db, aomori, aId)).id).toBe(aId);
      expect(
        (await findRelatedHits(db, bId, { national: false, unitId: 2 })).map((h) => h.reportId),
      ).toContain(aId);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
