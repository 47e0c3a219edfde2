import { AppError, HUB_UNITS, NATIONAL_UNIT_ID, type THubRole } from "@sonae/core";
import { type Db, hubMemberships } from "@sonae/db";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/auth/auth.policy";
import type { Actor } from "../../platform/http/request-context";

/** A signed-in hub user with their unit and hub role. */
export type HubActor = Actor & { unitId: number; hubRole: THubRole; isNational: boolean };

/**
 * Named hub permissions. Intake officers triage and talk to reporters; analysts read cases and
 * correlations; unit admins do both and manage their unit's people and organisation keys.
 */
const HUB_PERMISSIONS = {
  "case.read": ["intake_officer", "analyst", "unit_admin"],
  "case.triage": ["intake_officer", "unit_admin"],
  "message.post": ["intake_officer", "analyst", "unit_admin"],
  "correlation.read": ["analyst", "unit_admin"],
  "unit.manage": ["unit_admin"],
  "stats.read": ["intake_officer", "analyst", "unit_admin"],
  "advisory.publish": ["analyst", "unit_admin"],
} as const satisfies Record<string, readonly THubRole[]>;

export type HubAction = keyof typeof HUB_PERMISSIONS;

export function assertHubCan(actor: HubActor, action: HubAction): void {
  if (!(HUB_PERMISSIONS[action] as readonly THubRole[]).includes(actor.hubRole))
    throw new AppError("FORBIDDEN");
}

/**
 * The hub actor of a request. A membership row decides unit and role. The hub organisation's
 * administrator created by first-run setup has no row yet and acts as unit admin of the national
 * unit, so someone can always assign the first memberships. Anyone else without a row is refused.
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
  if (actor.role === "admin")
    return { ...actor, unitId: NATIONAL_UNIT_ID, hubRole: "unit_admin", isNational: true };
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
