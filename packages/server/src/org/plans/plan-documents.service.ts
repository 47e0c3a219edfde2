import { AppError, type TPlanDiff, type TPlanDocumentKind, type TPlanFormat } from "@sonae/core";
import { type Db, planDocuments } from "@sonae/db";
import {
  parsePlanModel,
  renderEmergencyCardPdf,
  renderPlanHtml,
  renderPlanPdf,
  type TLang,
  type TPlanModelInput,
} from "@sonae/documents";
import { diffLines } from "diff";
import { and, desc, eq, max } from "drizzle-orm";
import { ZodError } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { localisePlanModel, mapPlanModel } from "./map-plan-model";
import { renderPlanText } from "./plan-text";
import { assertCanApprovePlan, requireContextActor } from "./plans.policy";
import { type DbOrTx, findPlanRecord } from "./plans-record.repo";

/** All versions of the organisation's documents, newest first. */
export async function findPlanDocuments(db: Db, organisationId: string) {
  return db
    .select()
    .from(planDocuments)
    .where(eq(planDocuments.organisationId, organisationId))
    .orderBy(planDocuments.kind, desc(planDocuments.version));
}

/** One version of the organisation's document, or NOT_FOUND (also for another tenant's). */
export async function getPlanDocument(
  db: DbOrTx,
  organisationId: string,
  kind: TPlanDocumentKind,
  version: number,
) {
  const [row] = await db
    .select()
    .from(planDocuments)
    .where(
      and(
        eq(planDocuments.organisationId, organisationId),
        eq(planDocuments.kind, kind),
        eq(planDocuments.version, version),
      ),
    )
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * Generates the next version of a document from the current record and stores its model snapshot
 * and rendered text. PDF/HTML are not stored: they are re-rendered from the snapshot on download,
 * which is deterministic (fixed creation date, bundled fonts), keeps rows small, and lets an
 * approval show on the document without changing the content that was approved.
 */
export async function generatePlanDocument(
  db: Db,
  ctx: RequestContext,
  kind: TPlanDocumentKind,
  now: Date = new Date(),
) {
  const actor = requireContextActor(ctx);
  return db.transaction(async (tx) => {
    const record = await findPlanRecord(tx, actor.organisationId);
    if (!record.organisation) throw new AppError("NOT_FOUND");
    const [last] = await tx
      .select({ version: max(planDocuments.version) })
      .from(planDocuments)
      .where(and(eq(planDocuments.organisationId, actor.organisationId), eq(planDocuments.kind, kind)));
    const version = (last?.version ?? 0) + 1;
    const model = mapPlanModel(record, { number: version, generatedAt: now });
    try {
      parsePlanModel(model);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      const field = error.issues[0]?.path.join(".") ?? "";
      throw new AppError("VALIDATION", {
        field,
        detail: {
          ja: `組織の記録に計画へ載せられない項目があります（${field}）。記録を修正してください。`,
          en: `The organisation record has an entry the plan cannot use (${field}). Please correct it.`,
        },
      });
    }
    const [row] = await tx
      .insert(planDocuments)
      .values({
        organisationId: actor.organisationId,
        kind,
        version,
        generatedAt: now,
        generatedBy: actor.userId,
        model: model as unknown as Record<string, unknown>,
        renderedText: renderPlanText(kind, model),
      })
      .returning();
    await recordAudit(tx, ctx, { type: "plans.document_generated", kind, version });
    return row!;
  });
}

/** An administrator approves a version; the approval starts the 12-month review clock. */
export async function approvePlanDocument(
  db: Db,
  ctx: RequestContext,
  kind: TPlanDocumentKind,
  version: number,
  now: Date = new Date(),
) {
  const actor = requireContextActor(ctx);
  assertCanApprovePlan(actor);
  return db.transaction(async (tx) => {
    const row = await getPlanDocument(tx, actor.organisationId, kind, version);
    if (row.approvedAt) {
      throw new AppError("CONFLICT", {
        detail: { ja: "この版は承認済みです。", en: "This version is already approved." },
      });
    }
    const [after] = await tx
      .update(planDocuments)
      .set({ approvedBy: actor.userId, approvedByName: actor.displayName, approvedAt: now })
      .where(eq(planDocuments.id, row.id))
      .returning();
    await recordAudit(tx, ctx, { type: "plans.document_approved", kind, version });
    return after!;
  });
}

/**
 * Renders a stored version for download (PDF, offline HTML, or the one-page card) and audits the
 * download in the same transaction: the file leaves the system only if its record is written.
 */
export async function downloadPlanDocument(
  db: Db,
  ctx: RequestContext,
  args: { kind: TPlanDocumentKind; version: number; format: TPlanFormat; lang: TLang },
): Promise<{ body: Buffer | string; contentType: string; filename: string }> {
  const actor = requireContextActor(ctx);
  const row = await getPlanDocument(db, actor.organisationId, args.kind, args.version);
  if (args.kind === "card" && args.format !== "pdf") {
    throw new AppError("VALIDATION", {
      field: "format",
      detail: { ja: "緊急連絡カードはPDFのみです。", en: "The emergency card is available as PDF only." },
    });
  }
  const snapshot = row.model as unknown as TPlanModelInput;
  const model = localisePlanModel(
    { ...snapshot, version: { ...snapshot.version, approvedBy: row.approvedByName ?? undefined } },
    args.lang,
  );
  const body =
    args.kind === "card"
      ? await renderEmergencyCardPdf(model, args.lang)
      : args.format === "pdf"
        ? await renderPlanPdf(args.kind, model, args.lang)
        : renderPlanHtml(args.kind, model, args.lang);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: "plans.document_downloaded",
      kind: args.kind,
      version: args.version,
      format: args.format,
      lang: args.lang,
    });
  });
  const extension = args.format === "pdf" ? "pdf" : "html";
  return {
    body,
    contentType: args.format === "pdf" ? "application/pdf" : "text/html; charset=utf-8",
    filename: `sonae-${args.kind}-v${args.version}-${args.lang}.${extension}`,
  };
}

/** Line diff (jsdiff) of the rendered text of two versions of the same kind. */
export async function diffPlanVersions(
  db: Db,
  organisationId: string,
  kind: TPlanDocumentKind,
  from: number,
  to: number,
): Promise<TPlanDiff> {
  const [a, b] = [
    await getPlanDocument(db, organisationId, kind, from),
    await getPlanDocument(db, organisationId, kind, to),
  ];
  const parts = diffLines(a.renderedText, b.renderedText).map((change) => ({
    op: change.added ? ("added" as const) : change.removed ? ("removed" as const) : ("same" as const),
    lines: change.value.replace(/\n$/, "").split("\n"),
  }));
  const count = (op: "added" | "removed") =>
    parts.filter((p) => p.op === op).reduce((n, p) => n + p.lines.length, 0);
  return { kind, from, to, added: count("added"), removed: count("removed"), parts };
}
