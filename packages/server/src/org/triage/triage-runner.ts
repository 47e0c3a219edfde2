import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { evidenceTriageRuns } from "@sonae/db";
import {
  type BuildTimelineOptions,
  collectInputs,
  loadSigmaRuleSet,
  runSigmaRules,
  type SigmaRunSummary,
  summariseSigmaRuleSet,
  type TTimelineEvent,
  triageFiles,
  writeTimelineJsonl,
} from "@sonae/triage";
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
 * never copied), writes the events as JSONL and keeps detections and problems on the run row.
 * Progress is written at most twice a second so the UI can poll it.
 */
export async function executeTriageRun(deps: AppDeps, runId: string, bundle: BundleRow): Promise<void> {
  const temp = await mkdtemp(path.join(tmpdir(), "sonae-triage-"));
  try {
    const report = await getVault(deps).verifyStored(bundle.sha256);
    if (!report.ok) throw new Error(`bundle failed re-verification: ${report.failures[0]?.message.en ?? ""}`);
    const link = path.join(temp, `${bundle.sha256.slice(0, 12)}.zip`);
    await symlink(storedBundlePath(deps, bundle.sha256), link);
    const { files, cleanup } = await collectInputs([link]);
    const sigma = await sigmaDetectors();
    let lastWrite = 0;
    const opts: BuildTimelineOptions = {
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastWrite < 500) return;
        lastWrite = now;
        void deps.db
          .update(evidenceTriageRuns)
          .set({ progress: { fileIndex: p.fileIndex, fileCount: p.fileCount, file: p.file } })
          .where(eq(evidenceTriageRuns.id, runId))
          .catch(() => undefined);
      },
      extraDetectors: sigma.detectors,
    };
    const result = await triageFiles(files, opts).finally(cleanup);
    const out = runEventsPath(deps, runId);
    await mkdir(path.dirname(out), { recursive: true, mode: 0o700 });
    const stream = createWriteStream(out, { flags: "wx", mode: 0o600 });
    await writeTimelineJsonl(result.events, stream);
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await deps.db
      .update(evidenceTriageRuns)
      .set({
        status: "done",
        eventCount: result.events.length,
        detections: result.detections.map((d) => ({ ...d, bundleSha256: bundle.sha256 })),
        problems: result.problems,
        // The rule set and date travel with the run (jsonb, no extra column): see presentRun.
        progress: { fileIndex: files.length, fileCount: files.length, sigma: sigma.summary },
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

/**
 * Sigma rules for a run: the shipped SigmaHQ rules (content/sigma) by default, the folder in
 * SONAE_SIGMA_RULES instead, none when it is "off". Parsed once per process (cached by
 * loadSigmaRuleSet); alerts carry author, rule link and rule set with its date (DRL 1.1).
 */
export async function sigmaDetectors(setting: string | undefined = process.env.SONAE_SIGMA_RULES): Promise<{
  detectors: NonNullable<BuildTimelineOptions["extraDetectors"]>;
  summary: SigmaRunSummary | null;
}> {
  if (setting === "off") return { detectors: [], summary: null };
  const set = await loadSigmaRuleSet(setting || undefined);
  return {
    detectors: [(events: TTimelineEvent[]) => runSigmaRules(set.rules, events, set.source)],
    summary: summariseSigmaRuleSet(set),
  };
}
