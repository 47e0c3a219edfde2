import { AppError, type TContact, type TContactInput } from "@sonae/core";
import { contacts, type Db } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { fieldChanges } from "../../platform/audit/field-changes";
import { actorOf, type RequestContext } from "../../platform/http/request-context";
import { presentContact } from "./contacts.present";

type ContactRow = typeof contacts.$inferSelect;

/** Every contact of the organisation, police desk first, then team, then external parties. */
export async function findContacts(db: Db, organisationId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(eq(contacts.organisationId, organisationId))
    .orderBy(asc(contacts.category), asc(contacts.role), asc(contacts.createdAt));
}

/** One contact of the organisation, or NOT_FOUND (also for another organisation's contact). */
export async function getContact(db: Pick<Db, "select">, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.organisationId, organisationId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * Contacts that need re-verification on `today` (YYYY-MM-DD): verified more than 12 months ago, or never.
 * For the dashboard and the readiness assessment; an unverified number must not be relied on in an incident.
 */
export async function findStaleContacts(db: Db, organisationId: string, today: string): Promise<TContact[]> {
  const rows = await findContacts(db, organisationId);
  return rows.map((row) => presentContact(row, today)).filter((c) => c.verification !== "current");
}

async function assertSinglePoliceDesk(tx: Pick<Db, "select">, organisationId: string, exceptId?: string) {
  const rows = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), eq(contacts.category, "police_desk")));
  if (rows.some((r) => r.id !== exceptId)) {
    throw new AppError("CONFLICT", {
      field: "category",
      detail: {
        ja: "都道府県警察の窓口は既に登録されています。登録済みの窓口を編集してください。",
        en: "The prefectural police desk is already recorded. Edit the existing entry.",
      },
    });
  }
}

/** Records a contact and its audit event in one transaction. */
export async function createContact(db: Db, ctx: RequestContext, input: TContactInput): Promise<ContactRow> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    if (input.category === "police_desk") await assertSinglePoliceDesk(tx, actor.organisationId);
    const [row] = await tx
      .insert(contacts)
      .values({ ...input, organisationId: actor.organisationId })
      .returning();
    await recordAudit(tx, ctx, {
      type: "contact.created",
      contactId: row!.id,
      category: row!.category,
      role: row!.role,
    });
    return row!;
  });
}

/** Replaces a contact; the audit event lists which fields changed, from what to what. */
export async function updateContact(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TContactInput,
): Promise<ContactRow> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const before = await getContact(tx, actor.organisationId, id);
    if (input.category === "police_desk") await assertSinglePoliceDesk(tx, actor.organisationId, id);
    const [after] = await tx
      .update(contacts)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(contacts.id, id), eq(contacts.organisationId, actor.organisationId)))
      .returning();
    const changes = fieldChanges(before, input);
    await recordAudit(tx, ctx, { type: "contact.updated", contactId: id, changes });
    return after!;
  });
}

/** Deletes a contact (audited with its name, so the trail still says who was removed). */
export async function deleteContact(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const before = await getContact(tx, actor.organisationId, id);
    await tx
      .delete(contacts)
      .where(and(eq(contacts.id, id), eq(contacts.organisationId, actor.organisationId)));
    await recordAudit(tx, ctx, { type: "contact.deleted", contactId: id, name: before.name });
  });
}
