import { type TPpcAssessmentInput, ZPpcAssessment } from "@sonae/core";
import { type Db, incidents } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow } from "./incident-access";
import { ppcOf } from "./incident-detail.service";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

/**
 * Records the answers to the four 規則7条 questions (and the data items / number of people the PPC
 * report needs). The PPC deadlines appear, or are dropped, from this answer on; audited with the outcome.
 */
export async function recordPpcAssessment(db: Db, ctx: Ctx, incidentId: string, input: TPpcAssessmentInput) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const answers = ZPpcAssessment.parse(input);
  await db.transaction(async (tx) => {
    const row = await findIncidentRow(tx, ctx.actor, incidentId);
    await tx
      .update(incidents)
      .set({ ppcAssessment: answers, updatedAt: new Date() })
      .where(and(eq(incidents.id, incidentId), eq(incidents.organisationId, ctx.actor.organisationId)));
    const { status, finalReportDays } = ppcOf({ ...row, ppcAssessment: answers });
    await recordAudit(tx, ctx, { type: "incident.ppc_assessed", incidentId, status, finalReportDays });
  });
}
