import { AppError, type TBusinessFunctionInput } from "@sonae/core";
import { businessFunctions, type Db } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { fieldChanges } from "../../platform/audit/field-changes";
import type { RequestContext } from "../../platform/http/request-context";
import { requireContextActor } from "./plans.policy";

/** The organisation's business functions, restore order first. */
export async function findBusinessFunctions(db: Db, organisationId: string) {
  return db
    .select()
    .from(businessFunctions)
    .where(eq(businessFunctions.organisationId, organisationId))
    .orderBy(asc(businessFunctions.priority), asc(businessFunctions.name));
}

/** Adds a business function to the BCP input. */
export async function createBusinessFunction(db: Db, ctx: RequestContext, input: TBusinessFunctionInput) {
  const actor = requireContextActor(ctx);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(businessFunctions)
      .values({ ...input, organisationId: actor.organisationId })
      .returning();
    await recordAudit(tx, ctx, { type: "plans.business_function_created", id: row!.id, name: row!.name });
    return row!;
  });
}

/** Updates one business function of the actor's organisation; another tenant's id is NOT_FOUND. */
export async function updateBusinessFunction(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TBusinessFunctionInput,
) {
  const actor = requireContextActor(ctx);
  return db.transaction(async (tx) => {
    const where = and(
      eq(businessFunctions.id, id),
      eq(businessFunctions.organisationId, actor.organisationId),
    );
    const [before] = await tx.select().from(businessFunctions).where(where).limit(1);
    if (!before) throw new AppError("NOT_FOUND");
    const [after] = await tx
      .update(businessFunctions)
      .set({ ...input, updatedAt: new Date() })
      .where(where)
      .returning();
    const changes = fieldChanges(before, input);
    await recordAudit(tx, ctx, { type: "plans.business_function_updated", id, changes });
    return after!;
  });
}

/** Deletes one business function of the actor's organisation. */
export async function deleteBusinessFunction(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const actor = requireContextActor(ctx);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(businessFunctions)
      .where(and(eq(businessFunctions.id, id), eq(businessFunctions.organisationId, actor.organisationId)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "plans.business_function_deleted", id, name: row.name });
  });
}
