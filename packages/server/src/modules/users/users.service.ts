import { AppError, type TRole } from "@sonae/core";
import { type Db, users } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import type { RequestContext } from "../../http/request-context";
import { recordAudit } from "../audit/audit.service";
import { hashPassword } from "../auth/password";

type Tx = Pick<Db, "insert" | "select">;

/** Adds a user to an organisation. The e-mail is unique across the installation (409 otherwise). */
export async function createUser(
  tx: Tx,
  ctx: RequestContext,
  input: { organisationId: string; email: string; displayName: string; password: string; role: TRole },
) {
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

/** Changes a user's role; an organisation never loses its last active admin. */
export async function changeUserRole(db: Db, ctx: RequestContext, userId: string, role: TRole) {
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.organisationId, actor.organisationId)))
      .limit(1);
    if (!user) throw new AppError("NOT_FOUND");
    if (user.role === "admin" && role !== "admin") {
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.organisationId, actor.organisationId),
            eq(users.role, "admin"),
            eq(users.isDisabled, false),
          ),
        );
      if (admins.length <= 1) {
        throw new AppError("VALIDATION", {
          field: "role",
          detail: {
            ja: "最後の管理者の権限は変更できません。",
            en: "The last administrator cannot be demoted.",
          },
        });
      }
    }
    const [updated] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    await recordAudit(tx, ctx, { type: "user.role_changed", userId, from: user.role, to: role });
    return updated!;
  });
}
