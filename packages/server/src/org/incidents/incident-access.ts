import { AppError } from "@sonae/core";
import { type Db, incidentMembers, incidents } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import { type Action, assertCan } from "../../platform/auth/auth.policy";
import type { Actor } from "../../platform/http/request-context";

type Reader = Pick<Db, "select">;

/** Admins always belong to the incident team; others only when an admin added them. */
export async function isInIncidentTeam(db: Reader, actor: Actor): Promise<boolean> {
  if (actor.role === "admin") return true;
  const [row] = await db
    .select({ userId: incidentMembers.userId })
    .from(incidentMembers)
    .where(
      and(eq(incidentMembers.organisationId, actor.organisationId), eq(incidentMembers.userId, actor.userId)),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Incidents are confidential (issue 5 §8): outside the team they do not exist, so the answer is
 * 404 rather than 403 — a 403 would confirm that incidents are being worked on.
 */
export async function assertIncidentTeam(db: Reader, actor: Actor, action: Action): Promise<void> {
  if (!(await isInIncidentTeam(db, actor))) throw new AppError("NOT_FOUND");
  assertCan(actor, action);
}

/** The incident row of the actor's organisation, or 404. */
export async function findIncidentRow(db: Reader, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), eq(incidents.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
