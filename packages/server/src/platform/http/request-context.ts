import { AppError, type Lang, type TRole } from "@sonae/core";
import type { FastifyRequest } from "fastify";

/** Who is acting. Set by the auth plugin from the session cookie. */
export type Actor = {
  userId: string;
  organisationId: string;
  role: TRole;
  email: string;
  displayName: string;
  organisationName: string;
};

/** What every audited change needs to know about its request. */
export type RequestContext = {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
};

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: request.actor ?? null,
    ip: request.ip ?? null,
    userAgent: (request.headers["user-agent"] ?? "").slice(0, 500) || null,
  };
}

/** The language for messages: English when the client asks for it first, Japanese otherwise. */
export function langOf(request: FastifyRequest): Lang {
  const header = request.headers["accept-language"] ?? "";
  return header.trim().toLowerCase().startsWith("en") ? "en" : "ja";
}

declare module "fastify" {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** The actor of a service call, or UNAUTHENTICATED: services take a context, not a request. */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  return ctx.actor;
}
