import type { TBusinessFunction, TPlanDocument, TPlanDocumentKind } from "@sonae/core";
import type { businessFunctions, planDocuments } from "@sonae/db";
import { addReviewInterval } from "./plan-review.service";

export function presentBusinessFunction(row: typeof businessFunctions.$inferSelect): TBusinessFunction {
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    rtoHours: row.rtoHours,
    manualWorkaround: row.manualWorkaround,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A version without its snapshot and text (those are for downloads and diffs only). */
export function presentPlanDocument(row: typeof planDocuments.$inferSelect, today: Date): TPlanDocument {
  const due = row.approvedAt ? addReviewInterval(row.approvedAt) : null;
  return {
    id: row.id,
    kind: row.kind as TPlanDocumentKind,
    version: row.version,
    generatedAt: row.generatedAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedByName: row.approvedByName,
    nextReviewDue: due?.toISOString() ?? null,
    isReviewOverdue: due !== null && due.getTime() < today.getTime(),
  };
}
