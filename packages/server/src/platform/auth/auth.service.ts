import { AppError } from "@sonae/core";
import { type Db, users } from "@sonae/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/audit.service";
import type { RequestContext } from "../http/request-context";
import { getDummyHash, hashPassword, verifyPassword } from "./password";
import { assertAcceptablePassword } from "./password-policy";
import { createSession, deleteSession, deleteUserSessionsExcept, hashToken } from "./session.repo";
import { sessionCache } from "./session-cache";

/** Checks the password and opens a session. Failures are audited without saying which part was wrong. */
export async function login(
  db: Db,
  ctx: RequestContext,
  input: { email: string; password: string; sessionHours: number },
): Promise<{ token: string; expiresAt: Date }> {
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok || user.isDisabled) {
    const reason = !user ? "unknown_email" : user.isDisabled ? "disabled" : "wrong_password";
    await recordAudit(
      db,
      ctx,
      { type: "auth.login_failed", email: input.email, reason },
      user?.organisationId ?? null,
    );
    throw new AppError("INVALID_CREDENTIALS");
  }
  return db.transaction(async (tx) => {
    const session = await createSession(tx, {
      userId: user.id,
      hours: input.sessionHours,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await recordAudit(
      tx,
      {
        ...ctx,
        actor: {
          userId: user.id,
          organisationId: user.organisationId,
          role: user.role,
          email: user.email,
          displayName: user.displayName,
          organisationName: "",
        },
      },
      { type: "auth.login", email: user.email },
    );
    return session;
  });
}

export async function logout(db: Db, ctx: RequestContext, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, token);
    await recordAudit(tx, ctx, { type: "auth.logout" });
  });
  // After the commit, so a lookup racing the transaction cannot cache the ended session again.
  sessionCache.forgetToken(hashToken(token));
}

/** Changes the signed-in user's password and ends their other sessions. */
export async function changePassword(
  db: Db,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string; sessionToken: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_CREDENTIALS", {
      field: "currentPassword",
      detail: { ja: "現在のパスワードが違います。", en: "The current password is incorrect." },
    });
  }
  await assertAcceptablePassword(
    input.newPassword,
    { email: user.email, displayName: user.displayName, organisationName: actor.organisationName },
    "newPassword",
  );
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await deleteUserSessionsExcept(tx, user.id, input.sessionToken);
    await recordAudit(tx, ctx, { type: "auth.password_changed" });
  });
  // The other sessions are gone from the database; drop them from memory too (after the commit).
  sessionCache.forgetUser(user.id);
}
