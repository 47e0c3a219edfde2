import { AppError, type TOrganisationProfile } from "@sonae/core";
import { type Db, organisations } from "@sonae/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { fieldChanges } from "../../platform/audit/field-changes";
import { sessionCache } from "../../platform/auth/session-cache";
import type { RequestContext } from "../../platform/http/request-context";

export async function getOrganisation(db: Db, organisationId: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Updates the profile; the audit event records exactly which fields changed, from what to what. */
export async function updateOrganisation(db: Db, ctx: RequestContext, profile: TOrganisationProfile) {
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const updated = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId))
      .limit(1);
    if (!before) throw new AppError("NOT_FOUND");
    const [after] = await tx
      .update(organisations)
      .set({ ...profile, updatedAt: new Date() })
      .where(eq(organisations.id, actor.organisationId))
      .returning();
    const changes = fieldChanges(before, profile);
    await recordAudit(tx, ctx, { type: "organisation.updated", changes });
    return after!;
  });
  // Cached actors carry the organisation's name (used e.g. when reporting to the hub).
  sessionCache.forgetOrganisation(actor.organisationId);
  return updated;
}
