import { z } from "zod";

/** Events of the foundation: setup, sign-in, users, organisation profile, database restore. */
export const FOUNDATION_EVENTS = [
  z.object({ type: z.literal("setup.completed"), organisationName: z.string() }),
  z.object({ type: z.literal("auth.login"), email: z.string() }),
  z.object({ type: z.literal("auth.login_failed"), email: z.string(), reason: z.string() }),
  z.object({ type: z.literal("auth.logout") }),
  z.object({ type: z.literal("auth.password_changed") }),
  z.object({ type: z.literal("user.created"), userId: z.string(), email: z.string(), role: z.string() }),
  z.object({ type: z.literal("user.role_changed"), userId: z.string(), from: z.string(), to: z.string() }),
  z.object({ type: z.literal("user.disabled"), userId: z.string() }),
  z.object({ type: z.literal("organisation.updated"), changes: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("database.restored"), sourceCreatedAt: z.string(), tables: z.number() }),
  z.object({ type: z.literal("audit.viewed"), filter: z.record(z.string(), z.unknown()).optional() }),
] as const;
