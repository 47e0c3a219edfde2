import type { Db } from "@sonae/db";
import type { FastifyInstance } from "fastify";
import { findSessionActor, SESSION_COOKIE } from "../auth/session.repo";

/** Resolves the session cookie to an actor on every API request. */
export function registerSessionAuth(app: FastifyInstance, db: Db): void {
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const row = await findSessionActor(db, token);
    if (row) {
      request.actor = {
        userId: row.userId,
        organisationId: row.organisationId,
        role: row.role,
        email: row.email,
        displayName: row.displayName,
        organisationName: row.organisationName,
      };
    }
  });
}
