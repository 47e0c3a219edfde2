import { AppError, NATIONAL_UNIT_ID, type THubSetMembershipRequest } from "@sonae/core";
import { type Db, hubMemberships, users } from "@sonae/db";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertHubCan, type HubActor, hubCan, unitOf } from "./hub.policy";
import { HUB_UNIT_ACTIONS } from "./hub-rights";

type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;
type Membership = typeof hubMemberships.$inferSelect;

/** Arbitrary constant: two admins demoting each other at once must not leave the hub without one. */
const NATIONAL_ADMIN_LOCK_KEY = 7_310_216;

const LAST_NATIONAL_ADMIN = {
  ja: "最後の全国ユニット管理者は外せません。先に別の人を全国ユニットの管理者にしてください。",
  en: "The last national unit admin cannot be removed. Make someone else a national unit admin first.",
};

const isNationalAdmin = (m: Pick<Membership, "unitId" | "role">) =>
  m.unitId === NATIONAL_UNIT_ID && m.role === "unit_admin";

/** Refuses a change that would leave no active national unit admin (serialised by an advisory lock). */
async function assertAnotherNationalAdmin(tx: Tx, leavingUserId: string, field: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NATIONAL_ADMIN_LOCK_KEY})`);
  const others = await tx
    .select({ userId: hubMemberships.userId })
    .from(hubMemberships)
    .innerJoin(users, eq(users.id, hubMemberships.userId))
    .where(
      and(
        eq(hubMemberships.unitId, NATIONAL_UNIT_ID),
        eq(hubMemberships.role, "unit_admin"),
        eq(users.isDisabled, false),
        sql`${hubMemberships.userId} <> ${leavingUserId}`,
      ),
    )
    .limit(1);
  if (others.length === 0) throw new AppError("VALIDATION", { field, detail: LAST_NATIONAL_ADMIN });
}

const LAST_NATIONAL_ADMIN_USER = {
  ja: "この利用者はハブ最後の全国ユニット管理者のため無効にできません。先に所属管理で別の人を全国ユニットの管理者にしてください。",
  en: "This user is the hub's last active national unit admin and cannot be deactivated. Make someone else a national unit admin first (memberships).",
};

/**
 * Guard for the platform's user deactivation (the /users page), run inside its transaction: a hub
 * never loses its last active national unit admin that way either. 409, serialised with the
 * membership changes by the same advisory lock.
 */
export async function assertNotLastNationalAdminUser(tx: Tx, userId: string): Promise<void> {
  const [membership] = await tx
    .select({ unitId: hubMemberships.unitId, role: hubMemberships.role })
    .from(hubMemberships)
    .where(eq(hubMemberships.userId, userId))
    .limit(1);
  if (!membership || !isNationalAdmin(membership)) return;
  try {
    await assertAnotherNationalAdmin(tx, userId, "userId");
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError("CONFLICT", { field: "userId", detail: LAST_NATIONAL_ADMIN_USER });
    throw error;
  }
}

async function loadTarget(tx: Tx, actor: HubActor, where: ReturnType<typeof eq>) {
  const [found] = await tx
    .select({ user: users, membership: hubMemberships })
    .from(users)
    .leftJoin(hubMemberships, eq(hubMemberships.userId, users.id))
    .where(and(where, eq(users.organisationId, actor.organisationId)))
    .limit(1);
  return found;
}

/**
 * Puts a user of the hub organisation into a unit with a role. The actor needs "members.manage"
 * on the target unit AND on the user's current unit: a prefectural unit admin manages only their
 * own unit's people; only a national unit admin moves people across units. The last national
 * unit admin cannot be moved out or demoted.
 */
export async function setHubMembership(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  input: THubSetMembershipRequest,
) {
  unitOf(input.unitId);
  assertHubCan(actor, "members.manage", input.unitId);
  return db.transaction(async (tx) => {
    const target = await loadTarget(tx, actor, eq(users.email, input.email));
    if (!target) throw new AppError("NOT_FOUND", { field: "email" });
    const current = target.membership;
    if (current) assertHubCan(actor, "members.manage", current.unitId);
    if (current && isNationalAdmin(current) && !isNationalAdmin(input))
      await assertAnotherNationalAdmin(tx, target.user.id, "role");
    await tx
      .insert(hubMemberships)
      .values({ userId: target.user.id, unitId: input.unitId, role: input.role })
      .onConflictDoUpdate({ target: hubMemberships.userId, set: { unitId: input.unitId, role: input.role } });
    await recordAudit(tx, ctx, {
      type: "hub.membership_set",
      userId: target.user.id,
      unitId: input.unitId,
      role: input.role,
      fromUnitId: current?.unitId ?? null,
      fromRole: current?.role ?? null,
    });
    return { userId: target.user.id, unitId: input.unitId, role: input.role };
  });
}

/** Takes a user out of the hub (no unit, no role). Same rights as moving them; never the last national admin. */
export async function removeHubMembership(db: Db, ctx: RequestContext, actor: HubActor, userId: string) {
  return db.transaction(async (tx) => {
    const target = await loadTarget(tx, actor, eq(users.id, userId));
    const current = target?.membership;
    if (!target || !current) throw new AppError("NOT_FOUND");
    assertHubCan(actor, "members.manage", current.unitId);
    if (isNationalAdmin(current)) await assertAnotherNationalAdmin(tx, userId, "userId");
    await tx.delete(hubMemberships).where(eq(hubMemberships.userId, userId));
    await recordAudit(tx, ctx, {
      type: "hub.membership_removed",
      userId,
      unitId: current.unitId,
      role: current.role,
    });
  });
}

/**
 * The members of the units the actor administers (all units for a national unit admin), the
 * organisation's users without a unit (who can be added), and which units the actor may manage.
 */
export async function listHubMemberships(db: Db, ctx: RequestContext, actor: HubActor) {
  const rows = await db
    .select({ user: users, membership: hubMemberships })
    .from(users)
    .leftJoin(hubMemberships, eq(hubMemberships.userId, users.id))
    .where(eq(users.organisationId, actor.organisationId))
    .orderBy(asc(hubMemberships.unitId), asc(users.displayName));
  const members = rows
    .filter((r) => r.membership && hubCan(actor, "members.manage", r.membership.unitId))
    .map((r) => ({
      userId: r.user.id,
      email: r.user.email,
      displayName: r.user.displayName,
      isDisabled: r.user.isDisabled,
      unitId: r.membership!.unitId,
      role: r.membership!.role,
    }));
  const unassigned = rows
    .filter((r) => !r.membership && !r.user.isDisabled)
    .map((r) => ({ userId: r.user.id, email: r.user.email, displayName: r.user.displayName }));
  await recordAudit(db, ctx, { type: "hub.memberships_viewed", unitId: actor.unitId, count: members.length });
  return {
    members,
    unassigned,
    manageableUnitIds: actor.isNational ? null : [actor.unitId],
    nationalAdminCount: rows.filter(
      (r) => r.membership && isNationalAdmin(r.membership) && !r.user.isDisabled,
    ).length,
  };
}

/** Hub rights of the actor for the web (which screens to offer). */
export function unitRightsOf(actor: HubActor) {
  return HUB_UNIT_ACTIONS.filter((a) => hubCan(actor, a));
}

/**
 * The first national unit admin: given to the administrator created by first-run setup on a hub,
 * and, for a hub set up before memberships were required, to that organisation's earliest active
 * admin when no national unit admin exists at start. Explicit and audited; never a fallback.
 */
export async function grantFirstNationalAdmin(
  tx: Tx,
  ctx: RequestContext,
  user: { id: string; organisationId: string },
) {
  await tx
    .insert(hubMemberships)
    .values({ userId: user.id, unitId: NATIONAL_UNIT_ID, role: "unit_admin" })
    .onConflictDoNothing();
  await recordAudit(
    tx,
    ctx,
    {
      type: "hub.membership_set",
      userId: user.id,
      unitId: NATIONAL_UNIT_ID,
      role: "unit_admin",
      fromUnitId: null,
      fromRole: null,
    },
    user.organisationId,
  );
}

export async function ensureNationalAdmin(db: Db, ctx: RequestContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${NATIONAL_ADMIN_LOCK_KEY})`);
    const [existing] = await tx
      .select({ userId: hubMemberships.userId })
      .from(hubMemberships)
      .where(and(eq(hubMemberships.unitId, NATIONAL_UNIT_ID), eq(hubMemberships.role, "unit_admin")))
      .limit(1);
    if (existing) return;
    const [first] = await tx
      .select({ id: users.id, organisationId: users.organisationId })
      .from(users)
      .leftJoin(hubMemberships, eq(hubMemberships.userId, users.id))
      .where(and(eq(users.role, "admin"), eq(users.isDisabled, false), isNull(hubMemberships.userId)))
      .orderBy(asc(users.createdAt))
      .limit(1);
    if (first) await grantFirstNationalAdmin(tx, ctx, first);
  });
}
