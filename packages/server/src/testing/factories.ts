import { randomUUID } from "node:crypto";
import type { TRole } from "@sonae/core";
import { type Db, organisations, users } from "@sonae/db";
import type { RequestContext } from "../platform/http/request-context";

/**
 * Makes a fresh organisation with one user of the given role and returns the request context a
 * service call needs. Tests build their own data this way; nothing is shared, nothing is wiped.
 */
export async function createTestActor(
  db: Db,
  options: { role?: TRole; prefectureCode?: string; organisationId?: string } = {},
): Promise<RequestContext & { actor: NonNullable<RequestContext["actor"]> }> {
  let organisationId = options.organisationId;
  let organisationName = "";
  if (!organisationId) {
    const [org] = await db
      .insert(organisations)
      .values({
        name: `テスト組織 ${randomUUID().slice(0, 8)}`,
        prefectureCode: options.prefectureCode ?? "13",
        industryCode: "E",
      })
      .returning();
    organisationId = org!.id;
    organisationName = org!.name;
  }
  const role = options.role ?? "admin";
  const [user] = await db
    .insert(users)
    .values({
      organisationId,
      email: `${role}-${randomUUID()}@example.jp`,
      displayName: `${role} user`,
      // Not a usable hash: service tests never sign in; HTTP tests use setupAndLogin instead.
      passwordHash: "$argon2id$unusable",
      role,
    })
    .returning();
  return {
    actor: {
      userId: user!.id,
      organisationId,
      role,
      email: user!.email,
      displayName: user!.displayName,
      organisationName,
    },
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}
