import {
  AppError,
  checkBackupRegister,
  type TBackupRegister,
  type TCreateBackupSetRequest,
  todayInJapan,
} from "@sonae/core";
import { backupSets, type Db } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { fieldChanges } from "../../platform/audit/field-changes";
import { toSpreadsheetCsv } from "../../platform/csv/spreadsheet-csv";
import { actorOf, type RequestContext } from "../../platform/http/request-context";
import type { ReadinessEnv } from "../assessment/assessment-facts.repo";
import { refreshDailySnapshot } from "../assessment/assessment-snapshot.service";
import {
  BACKUP_CSV_HEADER,
  type BackupSetRow,
  backupCsvRow,
  backupFieldsOf,
  presentBackupSet,
} from "./backups.present";

/** Every backup set of the organisation, by name. */
export async function findBackupSets(
  db: Pick<Db, "select">,
  organisationId: string,
): Promise<BackupSetRow[]> {
  return db
    .select()
    .from(backupSets)
    .where(eq(backupSets.organisationId, organisationId))
    .orderBy(asc(backupSets.name), asc(backupSets.createdAt));
}

/** The register with each set's warnings and the register-wide checks. */
export async function getBackupRegister(
  db: Db,
  organisationId: string,
  today = todayInJapan(),
): Promise<TBackupRegister> {
  const sets = (await findBackupSets(db, organisationId)).map((r) => presentBackupSet(r, today));
  return { backupSets: sets, findings: checkBackupRegister(sets, today) };
}

async function getOwnRow(tx: Pick<Db, "select">, organisationId: string, id: string): Promise<BackupSetRow> {
  const [row] = await tx
    .select()
    .from(backupSets)
    .where(and(eq(backupSets.id, id), eq(backupSets.organisationId, organisationId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Records a backup set, its audit event and the day's readiness snapshot in one transaction. */
export async function createBackupSet(
  db: Db,
  ctx: RequestContext,
  input: TCreateBackupSetRequest,
  env: ReadinessEnv = {},
) {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(backupSets)
      .values({ ...input, organisationId: actor.organisationId })
      .returning();
    await recordAudit(tx, ctx, { type: "backup_set.created", backupSetId: row!.id, name: row!.name });
    await refreshDailySnapshot(tx, ctx, "backup_set.created", env);
    return presentBackupSet(row!, todayInJapan());
  });
}

/** Replaces a backup set's fields; the audit event lists what changed, from what to what. */
export async function updateBackupSet(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TCreateBackupSetRequest,
  env: ReadinessEnv = {},
) {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const before = backupFieldsOf(await getOwnRow(tx, actor.organisationId, id));
    const [row] = await tx
      .update(backupSets)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(backupSets.id, id), eq(backupSets.organisationId, actor.organisationId)))
      .returning();
    const changes = fieldChanges(before, input);
    await recordAudit(tx, ctx, { type: "backup_set.updated", backupSetId: id, changes });
    await refreshDailySnapshot(tx, ctx, "backup_set.updated", env);
    return presentBackupSet(row!, todayInJapan());
  });
}

export async function deleteBackupSet(
  db: Db,
  ctx: RequestContext,
  id: string,
  env: ReadinessEnv = {},
): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const row = await getOwnRow(tx, actor.organisationId, id);
    await tx
      .delete(backupSets)
      .where(and(eq(backupSets.id, id), eq(backupSets.organisationId, actor.organisationId)));
    await recordAudit(tx, ctx, { type: "backup_set.deleted", backupSetId: id, name: row.name });
    await refreshDailySnapshot(tx, ctx, "backup_set.deleted", env);
  });
}

/** The register as an Excel-safe CSV; exporting is audited (the register describes where the crown jewels are kept). */
export async function exportBackupSetsCsv(db: Db, ctx: RequestContext): Promise<string> {
  const actor = actorOf(ctx);
  const today = todayInJapan();
  return db.transaction(async (tx) => {
    const sets = (await findBackupSets(tx, actor.organisationId)).map((r) => presentBackupSet(r, today));
    await recordAudit(tx, ctx, { type: "backup_sets.exported", format: "csv", count: sets.length });
    return toSpreadsheetCsv(BACKUP_CSV_HEADER, sets.map(backupCsvRow));
  });
}
