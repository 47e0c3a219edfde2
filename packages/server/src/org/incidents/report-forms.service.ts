import {
  AppError,
  type TFormSend,
  type TFormSendsResponse,
  type TIncidentDetail,
  type TRecordFormSendRequest,
  ZRecordFormSendRequest,
} from "@sonae/core";
import { incidentFormSends, incidentTimeline } from "@sonae/db";
import {
  buildCommonFormRows,
  commonFormsOf,
  diffFormRows,
  type TCommonFormKind,
  type TFormRow,
  type TReportPackageModel,
} from "@sonae/documents";
import { and, desc, eq } from "drizzle-orm";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam } from "./incident-access";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };
type Reader = AppDeps["db"];
type SendRow = typeof incidentFormSends.$inferSelect;

const FORM_JA: Record<TCommonFormKind, string> = { ransomware: "ランサムウェア事案", ddos: "DDoS攻撃事案" };
const FORM_EN: Record<TCommonFormKind, string> = { ransomware: "ransomware", ddos: "DDoS" };
const KIND_JA = { first: "第1報", "follow-up": "続報", final: "最終報" } as const;

function present(row: SendRow): TFormSend {
  return {
    id: row.id,
    form: row.form as TCommonFormKind,
    version: row.version,
    kind: row.kind as TFormSend["kind"],
    recipient: row.recipient,
    reportNumber: row.reportNumber,
    sentAt: row.sentAt.toISOString(),
    changes: row.changes,
    sentBy: row.sentByName,
  };
}

async function sendsOf(db: Reader, organisationId: string, incidentId: string): Promise<SendRow[]> {
  return db
    .select()
    .from(incidentFormSends)
    .where(
      and(eq(incidentFormSends.organisationId, organisationId), eq(incidentFormSends.incidentId, incidentId)),
    )
    .orderBy(desc(incidentFormSends.version));
}

/** What changed in each form since its last send (the content of the next follow-up). */
function pendingOf(model: TReportPackageModel, sends: SendRow[]): TFormSendsResponse["pending"] {
  return commonFormsOf(model).map((form) => {
    const last = sends.find((s) => s.form === form);
    const rows = buildCommonFormRows(model, form);
    return {
      form,
      nextVersion: (last?.version ?? 0) + 1,
      changes: last ? diffFormRows(last.rows, rows) : [],
    };
  });
}

export async function listFormSends(
  deps: AppDeps,
  ctx: Ctx,
  incidentId: string,
  model: TReportPackageModel,
): Promise<TFormSendsResponse> {
  const sends = await sendsOf(deps.db, ctx.actor.organisationId, incidentId);
  return { sends: sends.map(present), pending: pendingOf(model, sends) };
}

/**
 * The common-form section of an export: the last send when nothing changed since (a re-download of
 * what was sent), else the draft of the next version with what changed.
 */
export async function commonFormOf(
  deps: AppDeps,
  ctx: Ctx,
  incidentId: string,
  model: TReportPackageModel,
  answers: Pick<TIncidentDetail, "ncoConsent" | "criticalInfrastructure">,
  now: Date,
): Promise<TReportPackageModel["commonForm"]> {
  const form = commonFormsOf(model)[0];
  if (!form) return undefined;
  const sends = (await sendsOf(deps.db, ctx.actor.organisationId, incidentId)).filter((s) => s.form === form);
  const last = sends[0];
  const base = { ncoConsent: answers.ncoConsent, criticalInfrastructure: answers.criticalInfrastructure };
  if (!last) return { ...base, reportDate: now.toISOString(), kind: "first", version: 1, changes: [] };
  const changes = diffFormRows(last.rows, buildCommonFormRows(model, form));
  const sent = { reportNumber: last.reportNumber ?? undefined, recipient: last.recipient.slice(0, 300) };
  if (changes.length === 0) {
    return {
      ...base,
      ...sent,
      reportDate: last.sentAt.toISOString(),
      kind: last.kind as "first",
      version: last.version,
      changes: last.changes,
    };
  }
  return {
    ...base,
    recipient: sent.recipient,
    reportDate: now.toISOString(),
    kind: "follow-up",
    version: last.version + 1,
    changes,
  };
}

/** Records one send of a form: the next version, its rows as sent and what changed since the last one. */
export async function recordFormSend(
  deps: AppDeps,
  ctx: Ctx,
  incidentId: string,
  raw: TRecordFormSendRequest,
  model: TReportPackageModel,
): Promise<TFormSend> {
  await assertIncidentTeam(deps.db, ctx.actor, "record.write");
  const input = ZRecordFormSendRequest.parse(raw);
  if (!commonFormsOf(model).includes(input.form)) {
    throw new AppError("VALIDATION", {
      field: "form",
      detail: {
        ja: `この事案は${FORM_JA[input.form]}共通様式の対象ではありません。`,
        en: `This incident does not fill the ${FORM_EN[input.form]} common form.`,
      },
    });
  }
  const rows: TFormRow[] = buildCommonFormRows(model, input.form);
  return deps.db.transaction(async (tx) => {
    const last = (await sendsOf(tx as Reader, ctx.actor.organisationId, incidentId)).find(
      (s) => s.form === input.form,
    );
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx
      .insert(incidentFormSends)
      .values({
        organisationId: ctx.actor.organisationId,
        incidentId,
        form: input.form,
        version,
        kind: last ? input.kind : "first",
        recipient: input.recipient,
        reportNumber: input.reportNumber,
        sentAt: new Date(input.sentAt),
        rows,
        changes: last ? diffFormRows(last.rows, rows) : [],
        sentBy: ctx.actor.userId,
        sentByName: ctx.actor.displayName,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await tx.insert(incidentTimeline).values({
      organisationId: ctx.actor.organisationId,
      incidentId,
      at: row.sentAt,
      source: "report",
      text: `${FORM_JA[input.form]}共通様式の${KIND_JA[row.kind as keyof typeof KIND_JA]}（第${version}版）を${input.recipient}へ送付`,
      isAction: true,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      type: "incident.form_sent",
      incidentId,
      form: input.form,
      version,
      kind: row.kind,
    });
    return present(row);
  });
}
