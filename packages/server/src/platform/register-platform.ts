import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app-deps";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { setupRoutes } from "./setup/setup.routes";
import type { AfterSetup } from "./setup/setup.service";
import { usersRoutes } from "./users/users.routes";
import type { BeforeUserDisabled } from "./users/users.service";

/**
 * The platform both sides stand on (first-run setup, sign-in, users, the audit log), registered
 * in one place. The organisation side and the hub each register their own routes after it.
 */
export async function registerPlatform(
  app: FastifyInstance,
  deps: AppDeps,
  hooks: { afterSetup?: AfterSetup; beforeUserDisabled?: BeforeUserDisabled } = {},
): Promise<void> {
  await app.register(setupRoutes(deps, hooks.afterSetup));
  await app.register(authRoutes(deps));
  await app.register(usersRoutes(deps, hooks.beforeUserDisabled));
  await app.register(auditRoutes(deps));
}
