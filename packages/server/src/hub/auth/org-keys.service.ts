import { AppError } from "@sonae/core";
import { type Db, hubOrgKeys } from "@sonae/db";
import { desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { forgetKeyLanes } from "../intake/key-lane-cache";
import type { HubActor } from "./hub.policy";

/** Organisation keys the unit admin may confirm: their prefecture's (all for the national unit). */
export async function listOrgKeys(db: Db, actor: HubActor) {
  const rows = await db
    .select()
    .from(hubOrgKeys)
    .where(actor.isNational ? undefined : eq(hubOrgKeys.prefectureUnitId, actor.unitId))
    .orderBy(desc(hubOrgKeys.registeredAt))
    .limit(500);
  return rows.map((k) => ({
    id: k.id,
    fingerprint: k.fingerprint,
    orgName: k.orgName,
    unitId: k.prefectureUnitId,
    status: k.status,
    registeredAt: k.registeredAt.toISOString(),
    confirmedAt: k.confirmedAt?.toISOString() ?? null,
  }));
}

/**
 * Enrolment: a key first seen on a submission is pending; the unit admin confirms it (after
 * reading the fingerprint to the organisation by phone) or revokes it.
 */
export async function setOrgKeyStatus(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  keyId: string,
  status: "active" | "revoked",
) {
  // Intake picks a key's lane from a cache: re-read it on the next submission.
  forgetKeyLanes(db);
  return db.transaction(async (tx) => {
    const [key] = await tx.select().from(hubOrgKeys).where(eq(hubOrgKeys.id, keyId)).limit(1);
    if (!key || (!actor.isNational && key.prefectureUnitId !== actor.unitId)) throw new AppError("NOT_FOUND");
    await tx
      .update(hubOrgKeys)
      .set({ status, confirmedBy: actor.userId, confirmedAt: new Date() })
      .where(eq(hubOrgKeys.id, keyId));
    await recordAudit(tx, ctx, { type: "hub.org_key_status_set", keyId, status });
    return { id: keyId, status };
  });
}
