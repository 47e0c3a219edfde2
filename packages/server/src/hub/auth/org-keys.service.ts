import { AppError } from "@sonae/core";
import { type Db, hubOrgKeys, hubReports, orgNameNorm } from "@sonae/db";
import { and, count, desc, eq, ne, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { openPayload } from "../cases/case.present";
import { forgetKeyLanes } from "../intake/key-lane-cache";
import type { HubKeyring } from "../store/hub-keyring";
import { assertHubCan, type HubActor, hubCan } from "./hub.policy";
import { loadKeyFacts } from "./org-identity";

type KeyRow = typeof hubOrgKeys.$inferSelect;

const presentKey = (k: KeyRow, nameClaimedEarlier: boolean) => ({
  id: k.id,
  fingerprint: k.fingerprint,
  orgName: k.orgName,
  unitId: k.prefectureUnitId,
  status: k.status,
  registeredAt: k.registeredAt.toISOString(),
  confirmedAt: k.confirmedAt?.toISOString() ?? null,
  nameClaimedEarlier,
});

/** Organisation keys the unit admin may confirm: their prefecture's (all for the national unit). Audited. */
export async function listOrgKeys(db: Db, ctx: RequestContext, actor: HubActor) {
  const rows = await db
    .select()
    .from(hubOrgKeys)
    .where(actor.isNational ? undefined : eq(hubOrgKeys.prefectureUnitId, actor.unitId))
    .orderBy(desc(hubOrgKeys.registeredAt))
    .limit(500);
  const facts = await loadKeyFacts(
    db,
    rows.map((k) => k.id),
  );
  await recordAudit(db, ctx, {
    type: "hub.org_keys_viewed",
    unitId: actor.unitId,
    keyIds: rows.map((k) => k.id),
  });
  return rows.map((k) => presentKey(k, facts.get(k.id)?.nameClaimedEarlier ?? false));
}

async function loadManageableKey(db: Pick<Db, "select">, actor: HubActor, keyId: string) {
  const [key] = await db.select().from(hubOrgKeys).where(eq(hubOrgKeys.id, keyId)).limit(1);
  // Another prefecture's key is not revealed (404), as for cases.
  if (!key || !hubCan(actor, "keys.manage", key.prefectureUnitId)) throw new AppError("NOT_FOUND");
  return key;
}

/**
 * What a unit admin compares before confirming a key by phone: the fingerprint, and beside it what
 * the organisation claimed (signed name, the latest package's organisation and contact, which
 * are unverified claims), how many reports the key sent, and other keys using the same name.
 */
export async function getOrgKeyForConfirmation(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  actor: HubActor,
  keyId: string,
) {
  const key = await loadManageableKey(db, actor, keyId);
  const facts = (await loadKeyFacts(db, [key.id])).get(key.id);
  const [latest] = await db
    .select()
    .from(hubReports)
    .where(eq(hubReports.orgKeyId, key.id))
    .orderBy(desc(hubReports.receivedAt))
    .limit(1);
  const [reports] = await db.select({ n: count() }).from(hubReports).where(eq(hubReports.orgKeyId, key.id));
  const sameName = await db
    .select()
    .from(hubOrgKeys)
    .where(
      and(
        sql`${orgNameNorm(hubOrgKeys.orgName)} = ${orgNameNorm(sql`${key.orgName}::text`)}`,
        ne(hubOrgKeys.id, key.id),
      ),
    )
    .orderBy(hubOrgKeys.registeredAt)
    .limit(20);
  type Claimed = {
    organisation?: { name?: string; prefecture?: string };
    contactPerson?: { name?: string; phone?: string; email?: string };
  };
  const pkg = latest
    ? ((openPayload(ring, latest).sealed.body as { package?: Claimed } | null)?.package ?? {})
    : {};
  await recordAudit(db, ctx, { type: "hub.org_keys_viewed", unitId: actor.unitId, keyIds: [key.id] });
  return {
    key: presentKey(key, facts?.nameClaimedEarlier ?? false),
    claimed: {
      signedOrgName: key.orgName,
      packageOrgName: pkg.organisation?.name ?? null,
      packagePrefecture: pkg.organisation?.prefecture ?? null,
      contactName: pkg.contactPerson?.name ?? null,
      contactPhone: pkg.contactPerson?.phone ?? null,
      latestReference: latest?.reference ?? null,
      latestReceivedAt: latest?.receivedAt.toISOString() ?? null,
      reportCount: Number(reports?.n ?? 0),
    },
    sameNameKeys: sameName.map((k) => ({
      fingerprint: k.fingerprint,
      status: k.status,
      unitId: k.prefectureUnitId,
      registeredAt: k.registeredAt.toISOString(),
    })),
  };
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
  assertHubCan(actor, "keys.manage");
  const result = await db.transaction(async (tx) => {
    await loadManageableKey(tx, actor, keyId);
    await tx
      .update(hubOrgKeys)
      .set({ status, confirmedBy: actor.userId, confirmedAt: new Date() })
      .where(eq(hubOrgKeys.id, keyId));
    await recordAudit(tx, ctx, { type: "hub.org_key_status_set", keyId, status });
    return { id: keyId, status };
  });
  // Intake picks a key's lane from a cache: re-read it on the next submission (after the commit,
  // so a submission racing this change cannot cache the old status again).
  forgetKeyLanes(db);
  return result;
}
