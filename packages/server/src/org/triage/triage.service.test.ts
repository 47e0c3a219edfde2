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
import {
  failInterruptedRuns,
  listRuns,
  loadIncidentTriage,
  presentRun,
  runningTriage,
  startTriage,
} from "./triage.service";

/** curated-subset.csv, log-clearing: System 104 (Eventlog) once (GPL-3.0, read in place). */
const SYSTEM_104 = path.resolve(
  import.meta.dirname,
  "../../../../../../shared/data/evtx/EVTX-ATTACK-SAMPLES/Defense Evasion/DE_104_system_log_cleared.evtx",
);

/** SigmaHQ win_system_susp_eventlog_cleared.yml, shipped in content/sigma. */
const SIGMA_104 = "sigma:100ef69e-3327-481c-8e5c-6d80d9507556";

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
    // The shipped SigmaHQ rules run by default: System 104 from Microsoft-Windows-Eventlog is
    // win_system_susp_eventlog_cleared.yml (checked by hand), and the hit names its authors.
    // It is folded into the built-in log-clearing finding on the same event, author kept.
    const sigmaHit = result.detections.flatMap((d) => d.sources ?? [d]).find((d) => d.ruleId === SIGMA_104);
    expect(sigmaHit?.sigma).toMatchObject({
      author: "Florian Roth (Nextron Systems), Tim Shelton, Nasreddine Bencherchali (Nextron Systems)",
      link: expect.stringContaining(
        "/blob/8eaafff1f2845a696050e05e72ba1140ee190698/rules/windows/builtin/system/microsoft_windows_eventlog/win_system_susp_eventlog_cleared.yml",
      ),
      ruleSet: { date: "2026-08-05", isShipped: true },
    });
    expect(sigmaHit?.attribution).toContain("by Florian Roth");
    const [{ run, sha256 }] = (await listRuns(handle.db, ctx.actor, incident!.id)) as [
      { run: Parameters<typeof presentRun>[0]; sha256: string },
    ];
    expect(presentRun(run, sha256).sigma).toMatchObject({
      ruleSet: { date: "2026-08-05" },
      rulesRun: 1385,
      skipped: [{ reason: "level info", count: 6 }],
    });
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
