import { isContextValue, type TIncidentIndicator, type TIndicatorKind } from "@sonae/core";
import { type Db, incidentIndicators, users } from "@sonae/db";
import { asc, eq } from "drizzle-orm";
import { warningListMatches } from "../../platform/warning-lists/warning-lists";

/** An incident's indicators with the name of whoever promoted one (promotion is shown with its author). */
export async function listIndicators(db: Pick<Db, "select">, incidentId: string) {
  return db
    .select({ row: incidentIndicators, promotedByName: users.displayName })
    .from(incidentIndicators)
    .leftJoin(users, eq(users.id, incidentIndicators.promotedBy))
    .where(eq(incidentIndicators.incidentId, incidentId))
    .orderBy(asc(incidentIndicators.kind), asc(incidentIndicators.value));
}

type Listed = Awaited<ReturnType<typeof listIndicators>>[number];

/**
 * One indicator as every reader sees it: the warning lists it is on today (judged at read time, so a
 * list update applies to old incidents too), the promotion if a person made it an indicator, and the
 * resulting context flag that the report package and the web app both follow.
 */
export function presentIndicator({ row, promotedByName }: Listed): TIncidentIndicator {
  const kind = row.kind as TIndicatorKind;
  const warningLists = warningListMatches(kind, row.value);
  const promotion =
    row.promotedAt && row.promotionReason
      ? { reason: row.promotionReason, at: row.promotedAt.toISOString(), byName: promotedByName }
      : null;
  return {
    id: row.id,
    kind,
    value: row.value,
    note: row.note,
    origin: row.origin as "extracted" | "manual",
    warningLists,
    promotion,
    context: isContextValue(warningLists, promotion !== null),
  };
}
