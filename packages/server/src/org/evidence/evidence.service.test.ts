import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DbHandle } from "@sonae/db";
import { auditEvents, evidenceCustody, incidents } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { preserveEvidence } from "@sonae/evidence";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../app-deps";
import { loadConfig } from "../../config";
import { createTestActor } from "../../testing/factories";
import { findBundle, recordAccess, uploadEvidence } from "./evidence.service";
import { loadCustodyChain } from "./evidence-custody";

const SAMPLE = path.resolve(
  import.meta.dirname,
  "../../../../../../shared/data/evtx/EVTX-to-MITRE-Attack/TA0005-Defense Evasion/T1070.001-Clear Windows event logs/ID104-1102-Event log cleared.evtx",
);

describe.each(testBackends())("evidence services on $name", (backend) => {
  let handle: DbHandle;
  let dir: string;
  let bundlePath: string;
  beforeAll(async () => {
    handle = await backend.open();
    dir = await mkdtemp(path.join(tmpdir(), "sonae-evidence-svc-"));
    bundlePath = path.join(dir, "b.zip");
    await preserveEvidence({
      paths: [SAMPLE],
      caseId: "C-1",
      examiner: "佐藤",
      outPath: bundlePath,
      keyDir: path.join(dir, "keys"),
      ntpServer: null,
    });
  }, 60_000);
  afterAll(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps one unbroken custody chain under concurrent accesses, scoped to the organisation", async () => {
    const ctx = await createTestActor(handle.db);
    const deps: AppDeps = {
      db: handle.db,
      dbKind: handle.kind,
      config: { ...loadConfig({ SONAE_DATA_DIR: path.join(dir, "data") }), webDistDir: undefined },
    };
    const [incident] = await handle.db
      .insert(incidents)
      .values({ organisationId: ctx.actor.organisationId, reference: "INC-2026-0001", title: "暗号化" })
      .returning();
    const { row } = await uploadEvidence(deps, ctx, incident!.id, "b.zip", createReadStream(bundlePath));
    // Concurrent views must each get their own sequence number (row lock), never a fork.
    await Promise.all(
      [1, 2, 3, 4].map(() =>
        recordAccess(handle.db, ctx, row, "vault.viewed", {
          type: "evidence.viewed",
          incidentId: incident!.id,
          sha256: row.sha256,
        }),
      ),
    );
    const rows = await handle.db.select().from(evidenceCustody).where(eq(evidenceCustody.bundleId, row.id));
    expect(rows).toHaveLength(5);
    const chain = await loadCustodyChain(handle.db, row);
    expect(chain.failures).toEqual([]);
    expect(chain.custody.filter((c) => c.origin === "server").map((c) => c.action)).toEqual([
      "vault.stored",
      "vault.viewed",
      "vault.viewed",
      "vault.viewed",
      "vault.viewed",
    ]);
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, ctx.actor.organisationId));
    expect(audit.map((a) => a.type).sort()).toEqual([
      "evidence.uploaded",
      "evidence.viewed",
      "evidence.viewed",
      "evidence.viewed",
      "evidence.viewed",
    ]);
    const other = await createTestActor(handle.db);
    await expect(findBundle(handle.db, other.actor, incident!.id, row.sha256)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
