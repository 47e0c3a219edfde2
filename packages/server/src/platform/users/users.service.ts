import { AppError, type TRole } from "@sonae/core";
import { type Db, users } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/audit.service";
import { hashPassword } from "../auth/password";
import { assertAcceptablePassword } from "../auth/password-policy";
import { deleteUserSessions } from "../auth/session.repo";
import { sessionCache } from "../auth/session-cache";
import { actorOf, type RequestContext } from "../http/request-context";

type Tx = Pick<Db, "insert" | "select">;

/** Adds a user to an organisation. The e-mail is unique across the installation (409 otherwise). */
export async function createUser(
  tx: Tx,
  ctx: RequestContext,
  input: {
    organisationId: string;
    email: string;
    displayName: string;
    password: string;
    role: TRole;
    /** For the password check; defaults to the acting user's organisation. */
    organisationName?: string;
  },
) {
  await assertAcceptablePassword(input.password, {
    email: input.email,
    displayName: input.displayName,
    organisationName: input.organisationName ?? ctx.actor?.organisationName,
  });
  const passwordHash = await hashPassword(input.password);
  const [row] = await tx
    .insert(users)
    .values({
      organisationId: input.organisationId,
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
    })
    .returning();
  if (!row) throw new AppError("INTERNAL");
  await recordAudit(
    tx,
    ctx,
    { type: "user.created", userId: row.id, email: row.email, role: row.role },
    input.organisationId,
  );
  return row;
}

export function findUsers(db: Db, organisationId: string) {
  return db
    .select()
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.createdAt));
}

/** Refuses a change that would leave the organisation without an active admin. */
async function assertAnotherActiveAdmin(
  tx: Pick<Db, "select">,
  organisationId: string,
  field: string,
  detail: { ja: string; en: string },
) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.organisationId, organisationId), eq(users.role, "admin"), eq(users.isDisabled, false)),
    );
  if (admins.length <= 1) throw new AppError("VALIDATION", { field, detail });
}

async function getOrganisationUser(tx: Pick<Db, "select">, organisationId: string, userId: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)))
    .limit(1);
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

/** Changes a user's role; an organisation never loses its last active admin. */
export async function changeUserRole(db: Db, ctx: RequestContext, userId: string, role: TRole) {
  const actor = actorOf(ctx);
  const updated = await db.transaction(async (tx) => {
    const user = await getOrganisationUser(tx, actor.organisationId, userId);
    if (user.role === "admin" && role !== "admin" && !user.isDisabled) {
      await assertAnotherActiveAdmin(tx, actor.organisationId, "role", {
        ja: "最後の管理者の権限は変更できません。",
        en: "The last administrator cannot be demoted.",
      });
    }
    const [row] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    await recordAudit(tx, ctx, { type: "user.role_changed", userId, from: user.role, to: role });
    return row!;
  });
  // After the commit: the user's open sessions carry the new role from their very next request.
  sessionCache.forgetUser(userId);
  return updated;
}

/**
 * A check another area runs before a user is deactivated, inside the same transaction (the hub:
 * never its last national unit admin). It refuses by throwing an AppError.
 */
export type BeforeUserDisabled = (
  tx: Pick<Db, "select" | "insert" | "update" | "delete" | "execute">,
  userId: string,
) => Promise<void>;

/**
 * Deactivates a user: they cannot sign in and every session they have ends at once. An
 * organisation never loses its last active admin; `beforeDisable` lets the hub add its own rule.
 */
export async function disableUser(
  db: Db,
  ctx: RequestContext,
  userId: string,
  beforeDisable?: BeforeUserDisabled,
) {
  const actor = actorOf(ctx);
  const updated = await db.transaction(async (tx) => {
    const user = await getOrganisationUser(tx, actor.organisationId, userId);
    if (user.isDisabled) return user;
    await beforeDisable?.(tx, userId);
    if (user.role === "admin") {
      await assertAnotherActiveAdmin(tx, actor.organisationId, "userId", {
        ja: "最後の管理者は無効にできません。",
        en: "The last administrator cannot be deactivated.",
      });
    }
    const [row] = await tx.update(users).set({ isDisabled: true }).where(eq(users.id, userId)).returning();
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, ctx, { type: "user.disabled", userId });
    return row!;
  });
  // After the commit, so the user's next request (in this process) is refused.
  sessionCache.forgetUser(userId);
  return updated;
}
