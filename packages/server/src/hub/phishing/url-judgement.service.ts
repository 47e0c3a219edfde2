import { AppError, type TJudgeUrl, type TPhishUrl, ZJudgeUrl } from "@sonae/core";
import { type Db, hubPhishUrls } from "@sonae/db";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertHubCan, type HubActor } from "../auth/hub.policy";
import { appendFeedChanges, type FeedChange } from "./feed-changes";
import { presentPhishUrl } from "./phish-url.present";
import { discoverOnIp } from "./url-cluster.service";

type Row = typeof hubPhishUrls.$inferSelect;

/**
 * The feed consequence of a state change: a listable URL entering "confirmed" (or changing
 * category) is added; leaving "confirmed" is a withdrawal with its reason (benign = false
 * positive, unreachable = cleaned/taken down). Warning-listed URLs are never added.
 */
export function feedChangesFor(
  before: Row,
  after: Pick<Row, "state" | "category">,
  reason: string,
): FeedChange[] {
  const wasListed = before.state === "confirmed" && !before.warningListed && before.category !== null;
  const isListed = after.state === "confirmed" && !before.warningListed && after.category !== null;
  const id = Number(before.id);
  if (wasListed && !isListed) {
    const why = after.state === "benign" ? "false_positive" : "cleaned";
    return [
      {
        urlId: id,
        change: "withdrawn",
        category: before.category!,
        reason: `${why}: ${reason}`.slice(0, 500),
      },
    ];
  }
  if (isListed && (!wasListed || before.category !== after.category)) {
    const changes: FeedChange[] = [];
    if (wasListed)
      changes.push({ urlId: id, change: "withdrawn", category: before.category!, reason: "recategorised" });
    changes.push({ urlId: id, change: "added", category: after.category!, reason: null });
    return changes;
  }
  return [];
}

/** Loads the row FOR UPDATE so two officers judging at once are applied one after the other. */
async function lockUrl(tx: Db, id: number): Promise<Row> {
  const [row] = await tx.select().from(hubPhishUrls).where(eq(hubPhishUrls.id, id)).for("update").limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Applies a state change with its feed changes and audit row in the caller's transaction. */
export async function applyJudgement(
  tx: Db,
  ctx: RequestContext,
  byUserId: string | null,
  row: Row,
  input: TJudgeUrl,
): Promise<{ row: Row; discovered: number }> {
  const category = input.state === "confirmed" ? (input.category ?? null) : row.category;
  const [updated] = await tx
    .update(hubPhishUrls)
    .set({
      state: input.state,
      category,
      brandId: input.brandId ?? row.brandId,
      verdictBy: byUserId,
      verdictReason: input.reason,
      verdictAt: sql`now()`,
    })
    .where(eq(hubPhishUrls.id, row.id))
    .returning();
  await appendFeedChanges(tx, feedChangesFor(row, { state: input.state, category }, input.reason));
  await recordAudit(tx, ctx, {
    type: "hub.url_judged",
    urlId: Number(row.id),
    fromState: row.state,
    state: input.state,
    category,
    reason: input.reason,
  });
  const discovered =
    input.state === "confirmed" && category === "phishing" && row.ip ? await discoverOnIp(tx, row.ip) : 0;
  return { row: updated!, discovered };
}

/**
 * An officer (analyst or unit admin, per hub-rights `urls.judge`) judges a URL: candidate →
 * confirmed (with a category) / benign / unreachable, or revises an earlier judgement. The reason
 * is required and audited; a confirmed phishing URL triggers same-IP discovery of candidates.
 */
export async function judgeUrl(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  id: number,
  raw: TJudgeUrl,
): Promise<{ url: TPhishUrl; discovered: number }> {
  assertHubCan(actor, "urls.judge");
  const input = ZJudgeUrl.parse(raw);
  if (input.state === "confirmed" && !input.category)
    throw new AppError("VALIDATION", {
      field: "category",
      detail: { ja: "確定にはカテゴリが必要です。", en: "Confirming needs a category." },
    });
  return db.transaction(async (tx) => {
    const row = await lockUrl(tx, id);
    if (row.state === input.state && (input.state !== "confirmed" || row.category === input.category))
      throw new AppError("CONFLICT", {
        detail: { ja: "既にこの判定になっています。", en: "The URL already has this judgement." },
      });
    if (input.state === "confirmed" && row.warningListed)
      throw new AppError("VALIDATION", {
        field: "state",
        detail: {
          ja: "警告リスト(著名ドメイン・CDN・短縮URL)に載っている URL はフィードに掲載できません。",
          en: "A warning-listed URL (popular domain, CDN, shortener) cannot be listed.",
        },
      });
    const { row: updated, discovered } = await applyJudgement(tx, ctx, actor.userId, row, input);
    return { url: presentPhishUrl(updated), discovered };
  });
}
