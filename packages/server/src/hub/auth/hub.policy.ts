import { AppError, HUB_UNITS, NATIONAL_UNIT_ID, type THubRole } from "@sonae/core";
import { type Db, hubMemberships } from "@sonae/db";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/auth/auth.policy";
import type { Actor } from "../../platform/http/request-context";
import { type HubCardAction, type HubUnitAction, hubRightAllows, relationToUnit } from "./hub-rights";

/** A signed-in hub user with their unit and hub role. */
export type HubActor = Actor & { unitId: number; hubRole: THubRole; isNational: boolean };

/**
 * A unit-level action (queue, statistics, alerts, advisories, keys, members, audit) on the
 * actor's own unit, or on `unitId` when given. Decided by the one table in hub-rights.ts.
 */
export function assertHubCan(
  actor: HubActor,
  action: HubUnitAction | HubCardAction,
  unitId = actor.unitId,
): void {
  if (!hubRightAllows(actor.hubRole, relationToUnit(actor, unitId), action)) throw new AppError("FORBIDDEN");
}

export function hubCan(
  actor: HubActor,
  action: HubUnitAction | HubCardAction,
  unitId = actor.unitId,
): boolean {
  return hubRightAllows(actor.hubRole, relationToUnit(actor, unitId), action);
}

/**
 * The hub actor of a request. Only a membership row gives a unit and a role: national access is
 * an explicit membership of the national unit (first-run setup gives the hub's first
 * administrator one). An organisation role, even admin, grants nothing in the hub.
 */
export async function requireHubActor(db: Db, request: FastifyRequest): Promise<HubActor> {
  const actor = requireActor(request);
  const [row] = await db
    .select()
    .from(hubMemberships)
    .where(eq(hubMemberships.userId, actor.userId))
    .limit(1);
  if (row)
    return { ...actor, unitId: row.unitId, hubRole: row.role, isNational: row.unitId === NATIONAL_UNIT_ID };
  throw new AppError("FORBIDDEN", {
    detail: { ja: "ハブの所属ユニットが設定されていません。", en: "You have no hub unit membership." },
  });
}

/** The unit record of an id (throws VALIDATION for an unknown id). */
export function unitOf(id: number) {
  const unit = HUB_UNITS.find((u) => u.id === id);
  if (!unit) throw new AppError("VALIDATION", { field: "unitId" });
  return unit;
}
