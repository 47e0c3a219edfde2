import { AppError, type TRole } from "@sonae/core";
import type { FastifyRequest } from "fastify";
import type { Actor } from "../http/request-context";

/**
 * Named permissions. Routes ask `assertCan(actor, action)`; no role `if`s scattered in handlers.
 * viewer: reads; member: reads and writes the organisation's records; admin: everything.
 */
const PERMISSIONS = {
  "record.read": ["admin", "member", "viewer"],
  "record.write": ["admin", "member"],
  "organisation.update": ["admin"],
  "user.manage": ["admin"],
  "audit.read": ["admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(actor: Actor, action: Action): boolean {
  return (PERMISSIONS[action] as readonly TRole[]).includes(actor.role);
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new AppError("FORBIDDEN");
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("UNAUTHENTICATED");
  return request.actor;
}
