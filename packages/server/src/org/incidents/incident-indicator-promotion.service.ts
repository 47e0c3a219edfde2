import {
  AppError,
  type TIndicatorKind,
  type TPromoteIndicatorRequest,
  ZPromoteIndicatorRequest,
} from "@sonae/core";
import { type Db, incidentIndicators } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { warningListMatches } from "../../platform/warning-lists/warning-lists";
import { assertIncidentTeam, findIncidentRow } from "./incident-access";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

const whereIndicator = (ctx: Ctx, incidentId: string, indicatorId: string) =>
  and(
    eq(incidentIndicators.id, indicatorId),
    eq(incidentIndicators.incidentId, incidentId),
    eq(incidentIndicators.organisationId, ctx.actor.organisationId),
  );

/**
 * Makes a warning-listed value an attack indicator (exported in the report package) because a person
 * knows better than the list, e.g. the attacker's server in a cloud range. The reason, the person and
 * the lists it overrode are stored and audited. A value on no list needs no promotion (409).
 */
export async function promoteIndicator(
  db: Db,
  ctx: Ctx,
  incidentId: string,
  indicatorId: string,
  input: TPromoteIndicatorRequest,
) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const { reason } = ZPromoteIndicatorRequest.parse(input);
  await db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    const [row] = await tx
      .select()
      .from(incidentIndicators)
      .where(whereIndicator(ctx, incidentId, indicatorId));
    if (!row) throw new AppError("NOT_FOUND");
    const lists = warningListMatches(row.kind as TIndicatorKind, row.value);
    if (!lists.length)
      throw new AppError("CONFLICT", {
        detail: {
          ja: "この値は警告リストに載っていないため、すでに指標として扱われています。",
          en: "This value is on no warning list; it is already an indicator.",
        },
      });
    await tx
      .update(incidentIndicators)
      .set({
        promotedAt: new Date(),
        promotedBy: ctx.actor.userId,
        promotionReason: reason,
        promotionLists: lists.map((l) => ({ listId: l.listId, date: l.date })),
      })
      .where(whereIndicator(ctx, incidentId, indicatorId));
    await recordAudit(tx, ctx, {
      type: "incident.indicator_promoted",
      incidentId,
      indicatorId,
      reason,
      lists: lists.map((l) => `${l.listId}@${l.date}`),
    });
  });
}

/** Returns a promoted value to context (it leaves the report package's indicators again). */
export async function withdrawPromotion(db: Db, ctx: Ctx, incidentId: string, indicatorId: string) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  await db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    const rows = await tx
      .update(incidentIndicators)
      .set({ promotedAt: null, promotedBy: null, promotionReason: null, promotionLists: null })
      .where(whereIndicator(ctx, incidentId, indicatorId))
      .returning({ id: incidentIndicators.id });
    if (!rows.length) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "incident.indicator_promotion_withdrawn", incidentId, indicatorId });
  });
}
