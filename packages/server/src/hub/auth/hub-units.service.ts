import { HUB_UNITS } from "@sonae/core";
import { type Db, hubUnits } from "@sonae/db";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";

/** Seeds the national unit and the 47 prefectural units; idempotent. Returns how many were added. */
export async function seedHubUnits(db: Db, ctx: RequestContext): Promise<number> {
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(hubUnits)
      .values(HUB_UNITS.map((u) => ({ id: u.id, kind: u.kind, nameJa: u.nameJa, nameEn: u.nameEn })))
      .onConflictDoNothing()
      .returning({ id: hubUnits.id });
    if (added.length > 0) await recordAudit(tx, ctx, { type: "hub.units_seeded", count: added.length }, null);
    return added.length;
  });
}
