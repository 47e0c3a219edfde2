import { AppError, type TSetupRequest } from "@sonae/core";
import { type Db, organisations } from "@sonae/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit.service";
import type { RequestContext } from "../http/request-context";
import { createUser } from "../users/users.service";

/** Arbitrary constant: two browsers submitting setup at once must not create two organisations. */
const SETUP_LOCK_KEY = 7_310_215;

export async function isSetupRequired(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length === 0;
}

/** Runs inside setup's transaction once the first administrator exists (the hub gives them the national unit). */
export type AfterSetup = (
  tx: Pick<Db, "select" | "insert" | "update" | "delete" | "execute">,
  ctx: RequestContext,
  admin: { id: string; organisationId: string },
) => Promise<void>;

/**
 * First-run setup: creates the organisation and its first administrator with the password the
 * person chose (there is no default account). Refused once any organisation exists.
 */
export async function completeSetup(
  db: Db,
  ctx: RequestContext,
  input: TSetupRequest,
  afterSetup?: AfterSetup,
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    const existing = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing.length > 0) throw new AppError("SETUP_DONE");
    const [org] = await tx.insert(organisations).values(input.organisation).returning();
    if (!org) throw new AppError("INTERNAL");
    const admin = await createUser(tx, ctx, {
      organisationId: org.id,
      ...input.admin,
      role: "admin",
      organisationName: org.name,
    });
    await afterSetup?.(tx, ctx, admin);
    await recordAudit(
      tx,
      {
        ...ctx,
        actor: {
          userId: admin.id,
          organisationId: org.id,
          role: "admin",
          email: admin.email,
          displayName: admin.displayName,
          organisationName: org.name,
        },
      },
      { type: "setup.completed", organisationName: org.name },
      org.id,
    );
    return { organisation: org, admin };
  });
}
