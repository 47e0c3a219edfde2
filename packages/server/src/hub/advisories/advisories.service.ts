import { AppError, HUB_UNITS, type THubAdvisory, ZHubAdvisoryInput } from "@sonae/core";
import { type Db, hubAdvisories } from "@sonae/db";
import { and, desc, eq, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import type { HubActor } from "../auth/hub.policy";

type AdvisoryRow = typeof hubAdvisories.$inferSelect;

export function presentAdvisory(row: AdvisoryRow): THubAdvisory {
  const unit = HUB_UNITS.find((u) => u.id === row.unitId);
  return {
    id: row.id,
    severity: row.severity,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    bodyJa: row.bodyJa,
    bodyEn: row.bodyEn,
    prefectureCode: row.prefectureCode,
    sourceUrl: row.sourceUrl,
    issuedBy: { unitId: row.unitId, nameJa: unit?.nameJa ?? "", nameEn: unit?.nameEn ?? "" },
    publishedAt: row.publishedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}

const ownPrefectureCode = (actor: HubActor) => String(actor.unitId).padStart(2, "0");

/**
 * A prefectural unit speaks for its own prefecture only; nationwide advisories come from the
 * national unit, which may also address one prefecture.
 */
function assertMayAddress(actor: HubActor, prefectureCode: string | null): void {
  if (actor.isNational) return;
  if (prefectureCode === ownPrefectureCode(actor)) return;
  throw new AppError("FORBIDDEN", {
    detail: {
      ja: "全国向け・他県向けの注意喚起は全国分析ユニットのみが発出できます。自県向けを選んでください。",
      en: "Only the national unit can address the whole country or another prefecture; choose your own prefecture.",
    },
  });
}

export async function publishAdvisory(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  raw: z.input<typeof ZHubAdvisoryInput>,
): Promise<THubAdvisory> {
  const input = ZHubAdvisoryInput.parse(raw);
  assertMayAddress(actor, input.prefectureCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hubAdvisories)
      .values({ ...input, unitId: actor.unitId, publishedBy: actor.userId })
      .returning();
    await recordAudit(tx, ctx, {
      type: "hub.advisory_published",
      advisoryId: row!.id,
      severity: row!.severity,
      prefectureCode: row!.prefectureCode,
    });
    return presentAdvisory(row!);
  });
}

/** What a unit sees in its advisories page: its own (withdrawn ones too), nationwide ones and those for its prefecture. */
export async function listUnitAdvisories(db: Db, actor: HubActor): Promise<THubAdvisory[]> {
  const scope: SQL | undefined = actor.isNational
    ? undefined
    : or(
        eq(hubAdvisories.unitId, actor.unitId),
        isNull(hubAdvisories.prefectureCode),
        eq(hubAdvisories.prefectureCode, ownPrefectureCode(actor)),
      );
  const rows = await db
    .select()
    .from(hubAdvisories)
    .where(scope)
    .orderBy(desc(hubAdvisories.publishedAt))
    .limit(200);
  return rows.map(presentAdvisory);
}

/** The issuing unit (or the national unit) withdraws an advisory; it stays in the history. */
export async function withdrawAdvisory(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  id: string,
): Promise<THubAdvisory> {
  return db.transaction(async (tx) => {
    const mine = actor.isNational ? undefined : eq(hubAdvisories.unitId, actor.unitId);
    const [row] = await tx
      .update(hubAdvisories)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(hubAdvisories.id, id), isNull(hubAdvisories.withdrawnAt), mine))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, { type: "hub.advisory_withdrawn", advisoryId: id });
    return presentAdvisory(row);
  });
}

/** Published, not withdrawn advisories for everyone in a prefecture (or nationwide ones only). */
export async function listPublishedAdvisories(
  db: Db,
  prefectureCode: string | undefined,
): Promise<THubAdvisory[]> {
  const audience = prefectureCode
    ? or(isNull(hubAdvisories.prefectureCode), eq(hubAdvisories.prefectureCode, prefectureCode))
    : isNull(hubAdvisories.prefectureCode);
  const rows = await db
    .select()
    .from(hubAdvisories)
    .where(and(isNull(hubAdvisories.withdrawnAt), audience))
    .orderBy(desc(hubAdvisories.publishedAt))
    .limit(50);
  return rows.map(presentAdvisory);
}
