import { createHash, randomBytes } from "node:crypto";
import { AppError, type TUrlPartner, ZUrlPartnerInput } from "@sonae/core";
import { type Db, hubUrlFeeds, hubUrlPartners, hubUrlPartnerTokens } from "@sonae/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertHubCan, type HubActor } from "../auth/hub.policy";

type PartnerRow = typeof hubUrlPartners.$inferSelect;
type TokenRow = typeof hubUrlPartnerTokens.$inferSelect;

/** Tokens are 256 random bits; only their SHA-256 is stored, so a database copy grants nothing. */
export const hashPartnerToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function presentPartner(row: PartnerRow, tokens: TokenRow[]): TUrlPartner {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    canSubmit: row.canSubmit,
    dailyQuota: row.dailyQuota,
    feeds: row.feeds,
    active: row.active,
    tokens: tokens.map((t) => ({
      id: t.id,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      revoked: t.revokedAt !== null,
    })),
  };
}

async function assertFeedsExist(db: Pick<Db, "select">, feeds: string[]): Promise<void> {
  if (feeds.length === 0) return;
  const rows = await db
    .select({ name: hubUrlFeeds.name })
    .from(hubUrlFeeds)
    .where(inArray(hubUrlFeeds.name, feeds));
  const missing = feeds.filter((f) => !rows.some((r) => r.name === f));
  if (missing.length)
    throw new AppError("VALIDATION", {
      field: "feeds",
      detail: {
        ja: `存在しないフィードです: ${missing.join(", ")}`,
        en: `Unknown feeds: ${missing.join(", ")}`,
      },
    });
}

/** A unit admin registers a partner of their unit (the national unit: of any unit). */
export async function createPartner(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  raw: z.input<typeof ZUrlPartnerInput>,
): Promise<TUrlPartner> {
  const input = ZUrlPartnerInput.parse(raw);
  const unitId = input.unitId ?? actor.unitId;
  assertHubCan(actor, "partners.manage", unitId);
  await assertFeedsExist(db, input.feeds);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hubUrlPartners)
      .values({ ...input, unitId })
      .returning();
    await recordAudit(tx, ctx, { type: "hub.url_partner_saved", partnerId: row!.id, name: row!.name });
    return presentPartner(row!, []);
  });
}

/** Partners the actor manages: their unit's, or every unit's for the national unit. */
export async function listPartners(db: Db, actor: HubActor): Promise<TUrlPartner[]> {
  assertHubCan(actor, "partners.manage");
  const rows = await db
    .select()
    .from(hubUrlPartners)
    .where(actor.isNational ? undefined : eq(hubUrlPartners.unitId, actor.unitId))
    .orderBy(hubUrlPartners.name);
  const tokens = rows.length
    ? await db
        .select()
        .from(hubUrlPartnerTokens)
        .where(
          inArray(
            hubUrlPartnerTokens.partnerId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) =>
    presentPartner(
      r,
      tokens.filter((t) => t.partnerId === r.id),
    ),
  );
}

async function managedPartner(db: Pick<Db, "select">, actor: HubActor, id: string): Promise<PartnerRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("NOT_FOUND");
  const [row] = await db.select().from(hubUrlPartners).where(eq(hubUrlPartners.id, id)).limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  assertHubCan(actor, "partners.manage", row.unitId);
  return row;
}

/** Issues a token: returned once, stored as its SHA-256. */
export async function issuePartnerToken(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  partnerId: string,
): Promise<{ tokenId: string; token: string }> {
  const partner = await managedPartner(db, actor, partnerId);
  const token = `sonae_pt_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hubUrlPartnerTokens)
      .values({ partnerId: partner.id, tokenHash: hashPartnerToken(token), prefix: token.slice(0, 14) })
      .returning();
    await recordAudit(tx, ctx, {
      type: "hub.url_partner_token_issued",
      partnerId: partner.id,
      tokenId: row!.id,
    });
    return { tokenId: row!.id, token };
  });
}

export async function revokePartnerToken(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  partnerId: string,
  tokenId: string,
): Promise<void> {
  const partner = await managedPartner(db, actor, partnerId);
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(hubUrlPartnerTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(hubUrlPartnerTokens.id, tokenId),
          eq(hubUrlPartnerTokens.partnerId, partner.id),
          isNull(hubUrlPartnerTokens.revokedAt),
        ),
      )
      .returning();
    if (!rows.length) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "hub.url_partner_token_revoked", partnerId: partner.id, tokenId });
  });
}

/** Changes what a partner may do (submit, quota, feeds, active). */
export async function updatePartner(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  partnerId: string,
  raw: { canSubmit?: boolean; dailyQuota?: number; feeds?: string[]; active?: boolean },
): Promise<TUrlPartner> {
  const partner = await managedPartner(db, actor, partnerId);
  if (raw.feeds) await assertFeedsExist(db, raw.feeds);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(hubUrlPartners)
      .set(raw)
      .where(eq(hubUrlPartners.id, partner.id))
      .returning();
    await recordAudit(tx, ctx, { type: "hub.url_partner_saved", partnerId: row!.id, name: row!.name });
    const tokens = await tx
      .select()
      .from(hubUrlPartnerTokens)
      .where(eq(hubUrlPartnerTokens.partnerId, row!.id));
    return presentPartner(row!, tokens);
  });
}

/**
 * The partner behind a Bearer token, or 401 with one message whatever was wrong (unknown,
 * revoked, inactive), so a token cannot be probed.
 */
export async function partnerOfToken(db: Db, authorization: string | undefined): Promise<PartnerRow> {
  const token = /^Bearer (sonae_pt_[A-Za-z0-9_-]{43})$/.exec(authorization ?? "")?.[1];
  if (token) {
    const [row] = await db
      .select({ partner: hubUrlPartners })
      .from(hubUrlPartnerTokens)
      .innerJoin(hubUrlPartners, eq(hubUrlPartners.id, hubUrlPartnerTokens.partnerId))
      .where(
        and(
          eq(hubUrlPartnerTokens.tokenHash, hashPartnerToken(token)),
          isNull(hubUrlPartnerTokens.revokedAt),
        ),
      )
      .limit(1);
    if (row?.partner.active) return row.partner;
  }
  throw new AppError("UNAUTHENTICATED", {
    detail: {
      ja: "パートナーAPIトークンが無効です(Authorization: Bearer sonae_pt_…)。",
      en: "The partner API token is not valid (Authorization: Bearer sonae_pt_…).",
    },
  });
}

export async function listFeeds(db: Db) {
  return db.select().from(hubUrlFeeds).orderBy(hubUrlFeeds.name);
}
