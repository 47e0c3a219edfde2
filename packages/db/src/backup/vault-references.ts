import { asc, eq } from "drizzle-orm";
import type { Db } from "../create-db";
import { evidenceBundles, evidenceTriageRuns } from "../schema/evidence";

/**
 * Files outside the database that rows of one snapshot point at: vault bundles by SHA-256
 * (`<dataDir>/evidence/sha256/ab/cd/<hash>`) and the events file of each finished triage run
 * (`<dataDir>/evidence/triage/<id>.jsonl`, written and closed before the run is marked done).
 */
export type VaultReferences = { bundleSha256s: string[]; triageRunIds: string[] };

/** Reads the references inside the caller's transaction, so they match the rows it dumps. */
export async function listVaultReferences(
  tx: Pick<Db, "selectDistinct" | "select">,
): Promise<VaultReferences> {
  const bundles = await tx
    .selectDistinct({ sha256: evidenceBundles.sha256 })
    .from(evidenceBundles)
    .orderBy(asc(evidenceBundles.sha256));
  const runs = await tx
    .select({ id: evidenceTriageRuns.id })
    .from(evidenceTriageRuns)
    .where(eq(evidenceTriageRuns.status, "done"))
    .orderBy(asc(evidenceTriageRuns.id));
  return { bundleSha256s: bundles.map((b) => b.sha256), triageRunIds: runs.map((r) => r.id) };
}
