import type { TEvidenceOverview, TSignerKey } from "@sonae/core";
import { type Db, evidenceBundles, incidents } from "@sonae/db";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/http/request-context";
import { presentBundle } from "./evidence.present";

/** The organisation's incidents (or one of them) with their bundles, newest incident first. */
export async function listEvidenceOverview(
  db: Pick<Db, "select">,
  actor: Actor,
  keys: readonly TSignerKey[],
  incidentId?: string,
): Promise<TEvidenceOverview> {
  const orgFilter = eq(incidents.organisationId, actor.organisationId);
  const rows = await db
    .select({
      id: incidents.id,
      reference: incidents.reference,
      title: incidents.title,
      status: incidents.status,
    })
    .from(incidents)
    .where(incidentId ? and(orgFilter, eq(incidents.id, incidentId)) : orgFilter)
    .orderBy(desc(incidents.createdAt));
  const bundles = await db
    .select()
    .from(evidenceBundles)
    .where(
      incidentId
        ? and(
            eq(evidenceBundles.organisationId, actor.organisationId),
            eq(evidenceBundles.incidentId, incidentId),
          )
        : eq(evidenceBundles.organisationId, actor.organisationId),
    )
    .orderBy(asc(evidenceBundles.uploadedAt));
  return rows.map((r) => ({
    incidentId: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    bundles: bundles.filter((b) => b.incidentId === r.id).map((b) => presentBundle(b, keys)),
  }));
}
