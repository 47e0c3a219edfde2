import type { TUser } from "@sonae/core";
import type { users } from "@sonae/db";

/** The only way a user leaves the server: no password hash, no internal columns. */
export function presentUser(row: typeof users.$inferSelect): TUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    isDisabled: row.isDisabled,
    createdAt: row.createdAt.toISOString(),
  };
}
