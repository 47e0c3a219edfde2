import { AppError, HUB_UNITS, type THubSetMembershipRequest } from "@sonae/core";
import { type Db, hubMemberships, hubUnits, users } from "@sonae/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "./hub.policy";

/** Seeds the national unit and the 47 prefectural units; idempotent. Returns how many were added. */
export async function seedHubUnits(db: Db, ctx: RequestContext): Promise<number> {
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(hubUnits)
      .values(HUB_UNITS.map((u) => ({ id: u.id, kind: u.kind, nameJa: u.nameJa, nameEn: u.nameEn })))
      .onConflictDoNothing()
      .returning({ id: hubUnits.id });
    if (added.length > 0) await recordAudit(tx, ctx, { type: "hub.units_seeded", count: added.length }, null);
    return added.length;
  });
}

/**
 * Puts a user of the hub organisation into a unit with a role. National unit admins manage every
 * unit; a prefectural unit admin only their own.
 */
export async function setHubMembership(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  input: THubSetMembershipRequest,
) {
  if (!actor.isNational && input.unitId !== actor.unitId) throw new AppError("FORBIDDEN");
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, input.email)).limit(1);
    if (!user || user.organisationId !== actor.organisationId)
      throw new AppError("NOT_FOUND", { field: "email" });
    await tx
      .insert(hubMemberships)
      .values({ userId: user.id, unitId: input.unitId, role: input.role })
      .onConflictDoUpdate({ target: hubMemberships.userId, set: { unitId: input.unitId, role: input.role } });
    await recordAudit(tx, ctx, {
      type: "hub.membership_set",
      userId: user.id,
      unitId: input.unitId,
      role: input.role,
    });
    return { userId: user.id, unitId: input.unitId, role: input.role };
  });
}
