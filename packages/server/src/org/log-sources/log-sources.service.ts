import { AppError, checkLogRegister, type TCreateLogSourceRequest, type TLogRegister } from "@sonae/core";
import { type Db, devices, logSources } from "@sonae/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { fieldChanges } from "../../platform/audit/field-changes";
import { toSpreadsheetCsv } from "../../platform/csv/spreadsheet-csv";
import { actorOf, type RequestContext } from "../../platform/http/request-context";
import type { ReadinessEnv } from "../assessment/assessment-facts.repo";
import { refreshDailySnapshot } from "../assessment/assessment-snapshot.service";
import {
  LOG_CSV_HEADER,
  type LogSourceRow,
  logCsvRow,
  logFieldsOf,
  presentLogSource,
} from "./log-sources.present";

/** Every log source of the organisation, by name. */
export async function findLogSources(
  db: Pick<Db, "select">,
  organisationId: string,
): Promise<LogSourceRow[]> {
  return db
    .select()
    .from(logSources)
    .where(eq(logSources.organisationId, organisationId))
    .orderBy(asc(logSources.name), asc(logSources.createdAt));
}

export async function getLogRegister(db: Db, organisationId: string): Promise<TLogRegister> {
  const sources = (await findLogSources(db, organisationId)).map(presentLogSource);
  return { logSources: sources, findings: checkLogRegister(sources) };
}

async function getOwnRow(tx: Pick<Db, "select">, organisationId: string, id: string): Promise<LogSourceRow> {
  const [row] = await tx
    .select()
    .from(logSources)
    .where(and(eq(logSources.id, id), eq(logSources.organisationId, organisationId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** A linked device must be one of the organisation's own: another organisation's id is refused like a typo. */
async function assertOwnDevice(tx: Pick<Db, "select">, organisationId: string, deviceId: string | null) {
  if (!deviceId) return;
  const [row] = await tx
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.organisationId, organisationId)))
    .limit(1);
  if (!row) {
    throw new AppError("VALIDATION", {
      field: "deviceId",
      detail: {
        ja: "指定された機器が機器台帳にありません。",
        en: "The device is not in the device register.",
      },
    });
  }
}

export async function createLogSource(
  db: Db,
  ctx: RequestContext,
  input: TCreateLogSourceRequest,
  env: ReadinessEnv = {},
) {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    await assertOwnDevice(tx, actor.organisationId, input.deviceId);
    const [row] = await tx
      .insert(logSources)
      .values({ ...input, organisationId: actor.organisationId })
      .returning();
    await recordAudit(tx, ctx, { type: "log_source.created", logSourceId: row!.id, name: row!.name });
    await refreshDailySnapshot(tx, ctx, "log_source.created", env);
    return presentLogSource(row!);
  });
}

export async function updateLogSource(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TCreateLogSourceRequest,
  env: ReadinessEnv = {},
) {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const before = logFieldsOf(await getOwnRow(tx, actor.organisationId, id));
    await assertOwnDevice(tx, actor.organisationId, input.deviceId);
    const [row] = await tx
      .update(logSources)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(logSources.id, id), eq(logSources.organisationId, actor.organisationId)))
      .returning();
    const changes = fieldChanges(before, input);
    await recordAudit(tx, ctx, { type: "log_source.updated", logSourceId: id, changes });
    await refreshDailySnapshot(tx, ctx, "log_source.updated", env);
    return presentLogSource(row!);
  });
}

export async function deleteLogSource(
  db: Db,
  ctx: RequestContext,
  id: string,
  env: ReadinessEnv = {},
): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const row = await getOwnRow(tx, actor.organisationId, id);
    await tx
      .delete(logSources)
      .where(and(eq(logSources.id, id), eq(logSources.organisationId, actor.organisationId)));
    await recordAudit(tx, ctx, { type: "log_source.deleted", logSourceId: id, name: row.name });
    await refreshDailySnapshot(tx, ctx, "log_source.deleted", env);
  });
}

/** The register as an Excel-safe CSV; the export is audited. */
export async function exportLogSourcesCsv(db: Db, ctx: RequestContext): Promise<string> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const sources = (await findLogSources(tx, actor.organisationId)).map(presentLogSource);
    await recordAudit(tx, ctx, { type: "log_sources.exported", format: "csv", count: sources.length });
    return toSpreadsheetCsv(LOG_CSV_HEADER, sources.map(logCsvRow));
  });
}
