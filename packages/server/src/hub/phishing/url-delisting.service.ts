import { AppError, ZDelistingDecision, ZDelistingRequestInput } from "@sonae/core";
import { type Db, hubPhishUrls, hubUrlDelistingRequests } from "@sonae/db";
import { and, desc, eq, or } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertHubCan, type HubActor } from "../auth/hub.policy";
import { verifyAndClaimPow } from "../intake/proof-of-work.service";
import type { HubKeyring } from "../store/hub-keyring";
import { applyJudgement } from "./url-judgement.service";
import { normaliseReportedUrl } from "./url-normaliser";

type RequestRow = typeof hubUrlDelistingRequests.$inferSelect;

/** A URL with a path asks about that URL; a bare host or domain asks about the registrable domain. */
function targetOf(raw: string): { kind: "url" | "domain"; key: string; display: string } {
  const n = normaliseReportedUrl(raw.includes("/") || raw.includes(":") ? raw : `http://${raw}/`);
  if (!n.ok) throw new AppError("VALIDATION", { field: "target", detail: n.error.message });
  const hasPath = n.url.path !== "/" || /\?/.test(n.url.canonical);
  if (hasPath) return { kind: "url", key: n.url.canonicalSha256, display: n.url.canonical };
  return {
    kind: "domain",
    key: n.url.registrableDomain ?? n.url.host,
    display: n.url.registrableDomain ?? n.url.host,
  };
}

const matching = (r: Pick<RequestRow, "targetKind" | "targetKey">) =>
  r.targetKind === "url"
    ? eq(hubPhishUrls.sha256, r.targetKey)
    : or(eq(hubPhishUrls.registrableDomain, r.targetKey), eq(hubPhishUrls.host, r.targetKey));

/**
 * The one delisting path (issue 17 §5): a site owner asks for review from a public page. Proof of
 * work burned in the same transaction, rate-limited per IP at the route, like the public report form.
 */
export async function requestDelisting(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  minBits: number,
  raw: z.input<typeof ZDelistingRequestInput>,
): Promise<{ id: string; target: string; targetKind: "url" | "domain" }> {
  const input = ZDelistingRequestInput.parse(raw);
  const target = targetOf(input.target);
  return db.transaction(async (tx) => {
    await verifyAndClaimPow(tx, ring.powKey, minBits, input.pow);
    const [row] = await tx
      .insert(hubUrlDelistingRequests)
      .values({
        target: target.display,
        targetKind: target.kind,
        targetKey: target.key,
        contact: input.contact,
        explanation: input.explanation,
      })
      .returning();
    await recordAudit(tx, ctx, {
      type: "hub.url_delisting_requested",
      requestId: row!.id,
      targetKind: target.kind,
    });
    return { id: row!.id, target: target.display, targetKind: target.kind };
  });
}

/** Pending (then decided) requests with the listed URLs each one covers. */
export async function listDelistingRequests(db: Db, actor: HubActor) {
  assertHubCan(actor, "urls.read");
  const rows = await db
    .select()
    .from(hubUrlDelistingRequests)
    .orderBy(desc(hubUrlDelistingRequests.createdAt))
    .limit(200);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      target: r.target,
      targetKind: r.targetKind,
      contact: r.contact,
      explanation: r.explanation,
      status: r.status,
      decisionReason: r.decisionReason,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      listed: (
        await db
          .select({ canonical: hubPhishUrls.canonical })
          .from(hubPhishUrls)
          .where(and(matching(r), eq(hubPhishUrls.state, "confirmed")))
          .limit(100)
      ).map((u) => u.canonical),
    })),
  );
}

/**
 * An officer decides (urls.judge). "delist" turns every confirmed record the request covers into
 * benign with the decision as the reason, which appends a withdrawal to the feed log: every feed
 * carries it from the next pull on. "reject" changes nothing in the feeds.
 */
export async function decideDelisting(
  db: Db,
  ctx: RequestContext,
  actor: HubActor,
  id: string,
  raw: z.input<typeof ZDelistingDecision>,
): Promise<{ status: "delisted" | "rejected"; withdrawn: number }> {
  assertHubCan(actor, "urls.judge");
  const input = ZDelistingDecision.parse(raw);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(hubUrlDelistingRequests)
      .where(eq(hubUrlDelistingRequests.id, id))
      .for("update")
      .limit(1);
    if (!request) throw new AppError("NOT_FOUND");
    if (request.status !== "pending")
      throw new AppError("CONFLICT", { detail: { ja: "既に判断済みです。", en: "Already decided." } });
    let withdrawn = 0;
    if (input.decision === "delist") {
      const listed = await tx
        .select()
        .from(hubPhishUrls)
        .where(and(matching(request), eq(hubPhishUrls.state, "confirmed")))
        .for("update");
      for (const row of listed) {
        await applyJudgement(tx, ctx, actor.userId, row, {
          state: "benign",
          reason: `delisted: ${input.reason}`,
        });
        withdrawn++;
      }
    }
    const status = input.decision === "delist" ? ("delisted" as const) : ("rejected" as const);
    await tx
      .update(hubUrlDelistingRequests)
      .set({ status, decidedBy: actor.userId, decisionReason: input.reason, decidedAt: new Date() })
      .where(eq(hubUrlDelistingRequests.id, id));
    await recordAudit(tx, ctx, {
      type: "hub.url_delisting_decided",
      requestId: id,
      decision: status,
      withdrawn,
    });
    return { status, withdrawn };
  });
}
