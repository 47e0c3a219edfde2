import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvents, hubAlerts, hubOrgKeys, hubReports } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, signHubRequest } from "../../org/hub-client/hub-client";
import { createTestActor } from "../../testing/factories";
import { seedHubUnits } from "../auth/hub-units.service";
import { loadHubKeyring } from "../store/hub-keyring";
import { samplePackage } from "../testing/hub-test-app";
import { IntakeBatcher } from "./intake-batcher";
import { type PreparedSigned, type SignedOutcome, writeSignedBatch } from "./signed-batch-writer";
import { prepareSigned } from "./signed-intake.service";

describe.each(testBackends())("signed intake batch on $name", (backend) => {
  it("gives every member of one batch the outcome one-at-a-time intake gave", async () => {
    const handle = await backend.open();
    try {
      const db = handle.db;
      const ctx = await createTestActor(db);
      await seedHubUnits(db, ctx);
      const ring = loadHubKeyring(mkdtempSync(join(tmpdir(), "sonae-hub-batch-")));
      const org = generateHubOrgKeyPair();
      const tag = Math.random().toString(36).slice(2);
      const shared = `Contact us: batch-${tag}@example-extortion.org`;
      const request = (submissionId: string, noteText = `only-${submissionId}@example-extortion.org`) =>
        signHubRequest(
          {
            type: "submission",
            submissionId,
            orgName: "株式会社B",
            prefectureCode: "13",
            payload: samplePackage({ noteText }),
          },
          org.privateKeyPem,
        );
      const first = request(`s1-${tag}`, shared);
      const batch = [
        first,
        first, // the same signed request twice: a replay
        request(`s1-${tag}`), // a retry of s1 racing its original (new nonce, same submissionId)
        request(`s2-${tag}`, shared), // shares an indicator with s1, later in the batch
      ].map((r) => prepareSigned(ctx, ring, r));
      const out = await writeSignedBatch(db, batch);

      expect(out[0]).toMatchObject({ ok: true, value: { created: true, receipt: { keyStatus: "pending" } } });
      expect(out[1]).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
      const original = out[0]!.ok ? out[0]!.value.receipt.reference : "";
      expect(out[2]).toMatchObject({ ok: true, value: { created: false, receipt: { reference: original } } });
      expect(out[3]).toMatchObject({ ok: true, value: { created: true } });

      const stored = await db
        .select({ id: hubReports.id, submissionId: hubReports.submissionId })
        .from(hubReports)
        .where(inArray(hubReports.submissionId, [`s1-${tag}`, `s2-${tag}`]));
      expect(stored.map((r) => r.submissionId).sort()).toEqual([`s1-${tag}`, `s2-${tag}`]);
      const idOf = (s: string) => stored.find((r) => r.submissionId === s)!.id;
      // The later report alerts about the earlier one (national unit and its own unit); not the reverse.
      const alerts = await db
        .select({
          reportId: hubAlerts.reportId,
          unitId: hubAlerts.unitId,
          relatedCount: hubAlerts.relatedCount,
        })
        .from(hubAlerts)
        .where(inArray(hubAlerts.reportId, [idOf(`s1-${tag}`), idOf(`s2-${tag}`)]));
      expect(alerts.sort((a, b) => a.unitId - b.unitId)).toEqual([
        { reportId: idOf(`s2-${tag}`), unitId: 0, relatedCount: 1 },
        { reportId: idOf(`s2-${tag}`), unitId: 13, relatedCount: 1 },
      ]);
      const [key] = await db
        .select()
        .from(hubOrgKeys)
        .where(eq(hubOrgKeys.fingerprint, batch[0]!.fingerprint));
      const audits = await db
        .select({ type: auditEvents.type, n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(
          sql`${auditEvents.payload}->>'keyId' = ${key!.id} OR ${auditEvents.payload}->>'reportId' IN (${idOf(`s1-${tag}`)}, ${idOf(`s2-${tag}`)})`,
        )
        .groupBy(auditEvents.type);
      expect(Object.fromEntries(audits.map((a) => [a.type, Number(a.n)]))).toEqual({
        "hub.org_key_registered": 1,
        "hub.report_received": 2,
        "hub.alert_raised": 2,
      });

      // Revoked key: 403 and the nonce is not burned; once reinstated the same request goes through.
      await db.update(hubOrgKeys).set({ status: "revoked" }).where(eq(hubOrgKeys.id, key!.id));
      const later = request(`s3-${tag}`);
      const [refused] = await writeSignedBatch(db, [prepareSigned(ctx, ring, later)]);
      expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      await db.update(hubOrgKeys).set({ status: "active" }).where(eq(hubOrgKeys.id, key!.id));
      const [accepted] = await writeSignedBatch(db, [prepareSigned(ctx, ring, later)]);
      expect(accepted).toMatchObject({
        ok: true,
        value: { created: true, receipt: { keyStatus: "active" } },
      });
    } finally {
      await handle.close();
    }
  }, 60_000);

  it("retries a failed batch one by one: only the bad submission fails, nothing is half-written", async () => {
    const handle = await backend.open();
    try {
      const db = handle.db;
      const ctx = await createTestActor(db);
      await seedHubUnits(db, ctx);
      const ring = loadHubKeyring(mkdtempSync(join(tmpdir(), "sonae-hub-batch-")));
      const org = generateHubOrgKeyPair();
      const tag = Math.random().toString(36).slice(2);
      const items = ["a", "bad", "c"].map((s) =>
        prepareSigned(
          ctx,
          ring,
          signHubRequest(
            {
              type: "submission",
              submissionId: `${s}-${tag}`,
              orgName: "株式会社C",
              prefectureCode: "13",
              payload: samplePackage(),
            },
            org.privateKeyPem,
          ),
        ),
      );
      items[1]!.report.row.unitId = 99; // no such unit: the foreign key fails the whole statement
      const batcher = new IntakeBatcher<PreparedSigned, SignedOutcome>(
        (batch) => writeSignedBatch(db, batch),
        {
          maxBatch: 10,
          maxQueue: 10,
        },
      );
      const blocker = batcher.submit(items[0]!); // written alone; the other two wait and form one batch
      const results = await Promise.allSettled([
        blocker,
        batcher.submit(items[1]!),
        batcher.submit(items[2]!),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      const stored = await db
        .select({ submissionId: hubReports.submissionId })
        .from(hubReports)
        .where(
          and(
            inArray(
              hubReports.submissionId,
              items.map((i) => i.submissionId),
            ),
          ),
        );
      expect(stored.map((r) => r.submissionId).sort()).toEqual([`a-${tag}`, `c-${tag}`]);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
