import { AppError } from "@sonae/core";
import { type Db, incidentMembers, users } from "@sonae/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { assertCan } from "../../platform/auth/auth.policy";
import type { RequestContext } from "../../platform/http/request-context";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

/** The incident team (admins are always in it and are not listed as members). */
export async function listIncidentTeam(db: Db, ctx: Ctx) {
  assertCan(ctx.actor, "user.manage");
  return db
    .select({ userId: users.id, displayName: users.displayName, email: users.email, role: users.role })
    .from(incidentMembers)
    .innerJoin(users, eq(users.id, incidentMembers.userId))
    .where(eq(incidentMembers.organisationId, ctx.actor.organisationId));
}

/** Replaces the team (admins only); every user must belong to the admin's organisation. */
export async function setIncidentTeam(db: Db, ctx: Ctx, userIds: string[]) {
  assertCan(ctx.actor, "user.manage");
  const unique = [...new Set(userIds)];
  await db.transaction(async (tx) => {
    if (unique.length) {
      const found = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, ctx.actor.organisationId), inArray(users.id, unique)));
      if (found.length !== unique.length) throw new AppError("NOT_FOUND");
    }
    await tx.delete(incidentMembers).where(eq(incidentMembers.organisationId, ctx.actor.organisationId));
    if (unique.length)
      await tx
        .insert(incidentMembers)
        .values(unique.map((userId) => ({ organisationId: ctx.actor.organisationId, userId })));
    await recordAudit(tx, ctx, { type: "incident.team_changed", userIds: unique });
  });
}
