import {
  AppError,
  EMPTY_NETWORK_DIAGRAM,
  renderNetworkDiagramSvg,
  type TNetworkDiagram,
  type TNetworkDiagramDocument,
  ZNetworkDiagramDocument,
} from "@sonae/core";
import { type Db, devices, networkDiagrams } from "@sonae/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { ReadinessEnv } from "../assessment/assessment-facts.repo";
import { refreshDailySnapshot } from "../assessment/assessment-snapshot.service";

/**
 * The organisation's diagram, or an empty one before the first save. The stored JSON is parsed
 * again on the way out, so a row written by an older version cannot break the editor silently.
 */
export async function getNetworkDiagram(
  db: Pick<Db, "select">,
  organisationId: string,
): Promise<TNetworkDiagram> {
  const [row] = await db
    .select()
    .from(networkDiagrams)
    .where(eq(networkDiagrams.organisationId, organisationId))
    .limit(1);
  if (!row) return { document: EMPTY_NETWORK_DIAGRAM, updatedAt: null };
  return { document: ZNetworkDiagramDocument.parse(row.document), updatedAt: row.updatedAt.toISOString() };
}

/** Device nodes may only point at the organisation's own devices. */
async function assertOwnDevices(
  tx: Pick<Db, "select">,
  organisationId: string,
  doc: TNetworkDiagramDocument,
) {
  const ids = [...new Set(doc.nodes.flatMap((n) => (n.deviceId ? [n.deviceId] : [])))];
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.organisationId, organisationId), inArray(devices.id, ids)));
  if (found.length !== ids.length) {
    throw new AppError("VALIDATION", {
      field: "nodes",
      detail: {
        ja: "図に機器台帳にない機器が含まれています。",
        en: "The diagram refers to a device that is not in the register.",
      },
    });
  }
}

/** Saves the whole document (last write wins), audits it and refreshes the day's readiness snapshot. */
export async function saveNetworkDiagram(
  db: Db,
  ctx: RequestContext,
  doc: TNetworkDiagramDocument,
  env: ReadinessEnv = {},
): Promise<TNetworkDiagram> {
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return db.transaction(async (tx) => {
    await assertOwnDevices(tx, actor.organisationId, doc);
    const now = new Date();
    await tx
      .insert(networkDiagrams)
      .values({
        organisationId: actor.organisationId,
        document: doc,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: networkDiagrams.organisationId,
        set: { document: doc, updatedAt: now, updatedBy: actor.userId },
      });
    await recordAudit(tx, ctx, {
      type: "network_diagram.saved",
      nodes: doc.nodes.length,
      edges: doc.edges.length,
    });
    await refreshDailySnapshot(tx, ctx, "network_diagram.saved", env);
    return { document: doc, updatedAt: now.toISOString() };
  });
}

/** The diagram as a standalone SVG, the same bytes the report package embeds. */
export async function renderOrganisationNetworkSvg(
  db: Pick<Db, "select">,
  organisationId: string,
): Promise<string> {
  return renderNetworkDiagramSvg((await getNetworkDiagram(db, organisationId)).document);
}
