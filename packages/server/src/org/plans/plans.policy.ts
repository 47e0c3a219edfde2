import { AppError } from "@sonae/core";
import type { Actor, RequestContext } from "../../platform/http/request-context";

/** The actor of a service call, or 401 (services are also called from tests and the CLI). */
export function requireContextActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  return ctx.actor;
}

/**
 * Approving a plan version is an administrator's act: the approval is what the yearly review and
 * the readiness assessment count, so members may generate drafts but not approve them.
 */
export function canApprovePlan(actor: Actor): boolean {
  return actor.role === "admin";
}

export function assertCanApprovePlan(actor: Actor): void {
  if (!canApprovePlan(actor)) throw new AppError("FORBIDDEN");
}
