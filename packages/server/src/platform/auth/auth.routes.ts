import { AppError, ZChangePasswordRequest, ZLoginRequest, ZSessionResponse } from "@sonae/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../http/request-context";
import { isSetupRequired } from "../setup/setup.service";
import { requireActor } from "./auth.policy";
import { changePassword, login, logout } from "./auth.service";
import { findSessionActor, SESSION_COOKIE } from "./session.repo";

function loginRateKey(request: FastifyRequest): string {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return `${request.ip}|${typeof email === "string" ? email.toLowerCase() : ""}`;
}

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: deps.config.secureCookies,
  } as const;

  return async (app) => {
    app.get(
      "/api/session",
      {
        schema: {
          tags: ["auth"],
          summary: "現在のセッションとCSRFトークン / Current session and CSRF token",
          response: { 200: ZSessionResponse },
        },
      },
      async (request, reply) => {
        // The web app re-reads this after renaming the organisation or changing a role, so it comes
        // from the database rather than the session cache (which it refreshes on the way).
        const token = request.cookies[SESSION_COOKIE];
        const actor =
          request.actor && token ? await findSessionActor(deps.db, token, { fresh: true }) : undefined;
        return {
          setupRequired: actor ? false : await isSetupRequired(deps.db),
          csrfToken: reply.generateCsrf(),
          user: actor
            ? {
                id: actor.userId,
                email: actor.email,
                displayName: actor.displayName,
                role: actor.role,
                isDisabled: false,
                createdAt: "",
              }
            : null,
          organisation: actor ? { id: actor.organisationId, name: actor.organisationName } : null,
        };
      },
    );

    app.post(
      "/api/auth/login",
      {
        // Keyed by address AND account: a guessing run is stopped without locking out a whole office behind one NAT.
        config: {
          rateLimit: { max: 10, timeWindow: "15 minutes", hook: "preHandler", keyGenerator: loginRateKey },
        },
        schema: {
          tags: ["auth"],
          summary: "ログイン / Sign in",
          body: ZLoginRequest,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const session = await login(deps.db, contextOf(request), {
          ...request.body,
          sessionHours: deps.config.sessionHours,
        });
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/auth/logout",
      { schema: { tags: ["auth"], summary: "ログアウト / Sign out", response: { 204: z.null() } } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token && request.actor) await logout(deps.db, contextOf(request), token);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/auth/password",
      {
        config: { rateLimit: { max: 10, timeWindow: "15 minutes" } },
        schema: {
          tags: ["auth"],
          summary: "パスワード変更 / Change password",
          body: ZChangePasswordRequest,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const token = request.cookies[SESSION_COOKIE];
        if (!token) throw new AppError("UNAUTHENTICATED");
        await changePassword(deps.db, contextOf(request), { ...request.body, sessionToken: token });
        return reply.status(204).send(null);
      },
    );
  };
}
