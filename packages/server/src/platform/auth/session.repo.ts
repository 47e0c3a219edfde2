import { createHash, randomBytes } from "node:crypto";
import { type Db, organisations, sessions, users } from "@sonae/db";
import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { Actor } from "../http/request-context";
import { sessionCache } from "./session-cache";

export const SESSION_COOKIE = "sonae_session";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns the raw token for the cookie; only its hash is stored. */
export async function createSession(
  db: Pick<Db, "insert">,
  input: { userId: string; hours: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + input.hours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, expiresAt };
}

/**
 * The actor behind a session cookie, or undefined for an unknown, expired or disabled one.
 * Served from the in-process cache when possible (see session-cache.ts for why that is safe);
 * `fresh` reads the database and refreshes the cached entry.
 */
export async function findSessionActor(
  db: Db,
  token: string,
  options: { fresh?: boolean } = {},
): Promise<Readonly<Actor> | undefined> {
  const tokenHash = hashToken(token);
  const cached = options.fresh ? undefined : sessionCache.get(db, tokenHash);
  if (cached) return cached;
  const epoch = sessionCache.epoch;
  const [row] = await db
    .select({
      userId: users.id,
      organisationId: users.organisationId,
      role: users.role,
      email: users.email,
      displayName: users.displayName,
      isDisabled: users.isDisabled,
      organisationName: organisations.name,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row || row.isDisabled) {
    // Ended elsewhere (another process, an expiry): a fresh read also drops what this process held.
    if (options.fresh) sessionCache.forgetToken(tokenHash);
    return undefined;
  }
  const { isDisabled: _, expiresAt, ...actor } = row;
  sessionCache.remember(db, tokenHash, actor, expiresAt, epoch);
  return actor;
}

/** Ends one session. The caller calls `sessionCache.forgetToken` once its transaction has committed. */
export async function deleteSession(db: Pick<Db, "delete">, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** After a password change every other session of the user ends (the caller then calls `sessionCache.forgetUser`). */
export async function deleteUserSessionsExcept(db: Pick<Db, "delete">, userId: string, keepToken: string) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keepToken))));
}

/** All of a user's sessions end (deactivation); the caller calls `sessionCache.forgetUser` after the commit. */
export async function deleteUserSessions(db: Pick<Db, "delete">, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Expired rows only: the cache never serves an entry past its session's expiry anyway. */
export async function purgeExpiredSessions(db: Pick<Db, "delete">): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
