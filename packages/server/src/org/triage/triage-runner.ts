import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { evidenceTriageRuns } from "@sonae/db";
import { runTriageInChild } from "@sonae/triage";
import { eq } from "drizzle-orm";
import type { AppDeps } from "../../app-deps";
import type { BundleRow } from "../evidence/evidence.service";
import { evidenceRoot, getVault, storedBundlePath } from "../evidence/evidence-vault";

/** Largest bundle triaged in-process (default 1 GiB, SONAE_TRIAGE_MAX_BYTES). */
export function triageMaxBytes(): number {
  const value = Number(process.env.SONAE_TRIAGE_MAX_BYTES);
  return Number.isFinite(value) && value > 0 ? value : 1024 ** 3;
}

/** Where a run's events live: one JSON Lines file per run, derived from (never replacing) the bundle. */
export function runEventsPath(deps: AppDeps, runId: string): string {
  return path.join(evidenceRoot(deps), "triage", `${runId}.jsonl`);
}

/**
 * Runs the triage engine over a stored bundle: re-verifies it first (hashes, signature, chain),
 * exposes it to the engine under a `.zip` name through a symlink (the vault file is read-only and
 * never copied), and triages it in a child process (runTriageInChild) so a hostile or huge file
 * never blocks this server's event loop; the child writes the events as JSONL, detections and
 * problems go on the run row. Progress is written at most twice a second so the UI can poll it.
 */
export async function executeTriageRun(deps: AppDeps, runId: string, bundle: BundleRow): Promise<void> {
  const temp = await mkdtemp(path.join(tmpdir(), "sonae-triage-"));
  try {
    const report = await getVault(deps).verifyStored(bundle.sha256);
    if (!report.ok) throw new Error(`bundle failed re-verification: ${report.failures[0]?.message.en ?? ""}`);
    const link = path.join(temp, `${bundle.sha256.slice(0, 12)}.zip`);
    await symlink(storedBundlePath(deps, bundle.sha256), link);
    const out = runEventsPath(deps, runId);
    await mkdir(path.dirname(out), { recursive: true, mode: 0o700 });
    // Sigma: the shipped SigmaHQ rules, the folder in SONAE_SIGMA_RULES instead, none when "off".
    const setting = process.env.SONAE_SIGMA_RULES;
    const result = await runTriageInChild(
      { inputs: [link], eventsOut: out, ...(setting ? { sigma: setting } : {}) },
      {
        onProgress: (p) => {
          void deps.db
            .update(evidenceTriageRuns)
            .set({ progress: { fileIndex: p.fileIndex, fileCount: p.fileCount, file: p.file } })
            .where(eq(evidenceTriageRuns.id, runId))
            .catch(() => undefined);
        },
      },
    );
    await deps.db
      .update(evidenceTriageRuns)
      .set({
        status: "done",
        eventCount: result.eventCount,
        detections: result.detections.map((d) => ({ ...d, bundleSha256: bundle.sha256 })),
        problems: result.problems,
        // The rule set and date travel with the run (jsonb, no extra column): see presentRun.
        progress: { fileIndex: result.fileCount, fileCount: result.fileCount, sigma: result.sigma },
        finishedAt: new Date(),
      })
      .where(eq(evidenceTriageRuns.id, runId));
  } catch (error) {
    await deps.db
      .update(evidenceTriageRuns)
      .set({
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      })
      .where(eq(evidenceTriageRuns.id, runId))
      .catch(() => undefined);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
