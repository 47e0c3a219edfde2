import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DbHandle } from "@sonae/db";
import { evidenceTriageRuns, incidents } from "@sonae/db";
import { testBackends } from "@sonae/db/testing";
import { preserveEvidence } from "@sonae/evidence";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../app-deps";
import { loadConfig } from "../../config";
import { createTestActor } from "../../testing/factories";
import { uploadEvidence } from "../evidence/evidence.service";
import { failInterruptedRuns, loadIncidentTriage, runningTriage, startTriage } from "./triage.service";

/** curated-subset.csv, log-clearing: System 104 (Eventlog) once (GPL-3.0, read in place). */
const SYSTEM_104 = path.resolve(
  import.meta.dirname,
  "../../../../../../shared/data/evtx/EVTX-ATTACK-SAMPLES/Defense Evasion/DE_104_system_log_cleared.evtx",
);

describe.each(testBackends())("triage services on $name", (backend) => {
  let handle: DbHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await backend.open();
    dir = await mkdtemp(path.join(tmpdir(), "sonae-triage-svc-"));
  });
  afterAll(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("triages a stored bundle, keeps results per organisation and fails runs cut off by a restart", async () => {
    const ctx = await createTestActor(handle.db);
    const deps: AppDeps = {
      db: handle.db,
      dbKind: handle.kind,
      config: { ...loadConfig({ SONAE_DATA_DIR: path.join(dir, "data") }), webDistDir: undefined },
    };
    const bundlePath = path.join(dir, "b.zip");
    await preserveEvidence({
      paths: [SYSTEM_104],
      caseId: "C-2",
      examiner: "佐藤",
      outPath: bundlePath,
      keyDir: path.join(dir, "keys"),
      ntpServer: null,
    });
    const [incident] = await handle.db
      .insert(incidents)
      .values({ organisationId: ctx.actor.organisationId, reference: "INC-2026-0002", title: "ログ消去" })
      .returning();
    const { row } = await uploadEvidence(deps, ctx, incident!.id, "b.zip", createReadStream(bundlePath));
    await startTriage(deps, ctx, row);
    await expect(startTriage(deps, ctx, row)).rejects.toMatchObject({ code: "CONFLICT" });
    await Promise.all([...runningTriage]);
    const result = await loadIncidentTriage(deps, ctx.actor, incident!.id);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ eventId: 104, channel: "System" });
    expect(result.detections.map((d) => d.ruleId)).toContain("log-cleared");
    const other = await createTestActor(handle.db);
    expect((await loadIncidentTriage(deps, other.actor, incident!.id)).events).toEqual([]);

    const [stale] = await handle.db
      .insert(evidenceTriageRuns)
      .values({
        organisationId: ctx.actor.organisationId,
        incidentId: incident!.id,
        bundleId: row.id,
        status: "running",
      })
      .returning();
    await failInterruptedRuns(handle.db);
    const [after] = await handle.db
      .select()
      .from(evidenceTriageRuns)
      .where(eq(evidenceTriageRuns.id, stale!.id));
    expect(after).toMatchObject({ status: "failed", error: expect.stringContaining("restart") });
  });
});
