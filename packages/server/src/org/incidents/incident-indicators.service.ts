import {
  AppError,
  extractIndicators,
  type TAddIndicatorRequest,
  ZAddIndicatorRequest,
  ZIndicatorInput,
} from "@sonae/core";
import { type Db, incidentIndicators } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow } from "./incident-access";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Inserts the indicators found in `text` inside the caller's transaction; values the incident already
 * has are skipped by the unique index (incident, kind, value), so repeats are counted, not stored twice.
 */
export async function insertExtracted(tx: Tx, ctx: Ctx, incidentId: string, text: string) {
  const found = extractIndicators(text);
  const inserted = found.length
    ? await tx
        .insert(incidentIndicators)
        .values(
          found.map((i) => ({
            organisationId: ctx.actor.organisationId,
            incidentId,
            kind: i.kind,
            value: i.value,
            origin: "extracted",
          })),
        )
        .onConflictDoNothing()
        .returning({ id: incidentIndicators.id })
    : [];
  if (inserted.length)
    await recordAudit(tx, ctx, {
      type: "incident.indicators_added",
      incidentId,
      count: inserted.length,
      origin: "extracted",
    });
  return { added: inserted.length, duplicates: found.length - inserted.length };
}

/** Extracts indicators from pasted text (refanged, validated and normalised by core) and adds the new ones. */
export async function extractIntoIncident(db: Db, ctx: Ctx, incidentId: string, text: string) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  return db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    return insertExtracted(tx, ctx, incidentId, text);
  });
}

function parseManual(input: TAddIndicatorRequest) {
  const body = ZAddIndicatorRequest.parse(input);
  const parsed = ZIndicatorInput.safeParse({ kind: body.kind, value: body.value });
  if (!parsed.success)
    throw new AppError("VALIDATION", {
      field: "value",
      detail: { ja: `${body.kind} として正しくない値です。`, en: `Not a valid ${body.kind}.` },
    });
  return { ...parsed.data, note: body.note };
}

/** Adds one indicator typed in by hand (refanged and normalised; duplicates are 409). */
export async function addIndicator(db: Db, ctx: Ctx, incidentId: string, input: TAddIndicatorRequest) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const value = parseManual(input);
  await db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    await tx
      .insert(incidentIndicators)
      .values({ organisationId: ctx.actor.organisationId, incidentId, origin: "manual", ...value });
    await recordAudit(tx, ctx, { type: "incident.indicators_added", incidentId, count: 1, origin: "manual" });
  });
}

const whereIndicator = (ctx: Ctx, incidentId: string, indicatorId: string) =>
  and(
    eq(incidentIndicators.id, indicatorId),
    eq(incidentIndicators.incidentId, incidentId),
    eq(incidentIndicators.organisationId, ctx.actor.organisationId),
  );

/** Corrects an indicator by hand (kind, value, note). A promotion was about the old value: it ends. */
export async function updateIndicator(
  db: Db,
  ctx: Ctx,
  incidentId: string,
  indicatorId: string,
  input: TAddIndicatorRequest,
) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const value = parseManual(input);
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(incidentIndicators)
      .set({ ...value, promotedAt: null, promotedBy: null, promotionReason: null, promotionLists: null })
      .where(whereIndicator(ctx, incidentId, indicatorId))
      .returning({ id: incidentIndicators.id });
    if (!rows.length) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "incident.indicator_updated", incidentId, indicatorId });
  });
}

export async function deleteIndicator(db: Db, ctx: Ctx, incidentId: string, indicatorId: string) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  await db.transaction(async (tx) => {
    const rows = await tx
      .delete(incidentIndicators)
      .where(whereIndicator(ctx, incidentId, indicatorId))
      .returning({ id: incidentIndicators.id });
    if (!rows.length) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "incident.indicator_deleted", incidentId, indicatorId });
  });
}
