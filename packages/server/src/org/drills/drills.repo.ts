import { drillDecisions, drillFindings, drillRuns } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../plans/plans-record.repo";

/** One drill of the organisation, or undefined (another tenant's drill is never returned). */
export async function findDrillRun(db: DbOrTx, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(drillRuns)
    .where(and(eq(drillRuns.id, id), eq(drillRuns.organisationId, organisationId)))
    .limit(1);
  return row;
}

export async function findDrillDecisions(db: DbOrTx, organisationId: string, drillId: string) {
  return db
    .select()
    .from(drillDecisions)
    .where(and(eq(drillDecisions.drillId, drillId), eq(drillDecisions.organisationId, organisationId)))
    .orderBy(asc(drillDecisions.recordedAt), asc(drillDecisions.id));
}

export async function findFindingsOfDrill(db: DbOrTx, organisationId: string, drillId: string) {
  return db
    .select()
    .from(drillFindings)
    .where(and(eq(drillFindings.drillId, drillId), eq(drillFindings.organisationId, organisationId)))
    .orderBy(asc(drillFindings.createdAt), asc(drillFindings.id));
}
