import {
  AppError,
  type TRansomDemandInput,
  type TRecordReportRequest,
  ZCreateTimelineEntryRequest,
  ZRansomDemand,
  ZRecordReportRequest,
} from "@sonae/core";
import { type Db, incidentReports, incidents, incidentTimeline } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow } from "./incident-access";
import { loadObligationRules } from "./incident-content";
import { insertExtracted } from "./incident-indicators.service";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

/** A manual timeline entry (what happened, or an action taken). */
export async function addTimelineEntry(
  db: Db,
  ctx: Ctx,
  incidentId: string,
  input: z.input<typeof ZCreateTimelineEntryRequest>,
) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const body = ZCreateTimelineEntryRequest.parse(input);
  await db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    await tx.insert(incidentTimeline).values({
      organisationId: ctx.actor.organisationId,
      incidentId,
      at: new Date(body.at),
      source: "manual",
      text: body.text,
      isAction: body.isAction,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { type: "incident.timeline_added", incidentId });
  });
}

/** Records the ransom demand (the whole document; the form always sends all of it) and its indicators. */
export async function recordDemand(db: Db, ctx: Ctx, incidentId: string, input: TRansomDemandInput) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const demand = ZRansomDemand.parse(input);
  await db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    await tx
      .update(incidents)
      .set({ demand, updatedAt: new Date() })
      .where(and(eq(incidents.id, incidentId), eq(incidents.organisationId, ctx.actor.organisationId)));
    await recordAudit(tx, ctx, { type: "incident.demand_recorded", incidentId, paid: demand.paid });
    // The note, contact channels and wallets are where the indicators are: extract them at once.
    const text = [demand.noteText, ...demand.contactChannels, ...demand.walletAddresses]
      .filter(Boolean)
      .join("\n");
    if (text) await insertExtracted(tx, ctx, incidentId, text);
  });
}

/**
 * Records a report or notification made (police: when, desk, officer, reference number). A report
 * marked done also lands on the timeline as an action, which the police package lists.
 */
export async function recordReport(
  db: Db,
  ctx: Ctx,
  incidentId: string,
  obligationId: string,
  input: TRecordReportRequest,
) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const rule = loadObligationRules().find((r) => r.id === obligationId);
  if (!rule) throw new AppError("NOT_FOUND");
  const body = ZRecordReportRequest.parse(input);
  if (body.status === "done" && !body.doneAt)
    throw new AppError("VALIDATION", {
      field: "doneAt",
      detail: { ja: "報告した日時を入力してください。", en: "Enter when the report was made." },
    });
  await db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    const values = {
      status: body.status,
      doneAt: body.doneAt ? new Date(body.doneAt) : null,
      recipient: body.recipient,
      officer: body.officer,
      referenceNumber: body.referenceNumber,
      note: body.note,
      updatedAt: new Date(),
    };
    await tx
      .insert(incidentReports)
      .values({ organisationId: ctx.actor.organisationId, incidentId, obligationId, ...values })
      .onConflictDoUpdate({
        target: [incidentReports.incidentId, incidentReports.obligationId],
        set: values,
      });
    if (body.status === "done" && body.doneAt)
      await tx.insert(incidentTimeline).values({
        organisationId: ctx.actor.organisationId,
        incidentId,
        at: new Date(body.doneAt),
        source: "report",
        text: [rule.title.ja, body.recipient, body.referenceNumber && `受理番号 ${body.referenceNumber}`]
          .filter(Boolean)
          .join(" / "),
        isAction: true,
        createdBy: ctx.actor.userId,
      });
    await recordAudit(tx, ctx, {
      type: "incident.report_recorded",
      incidentId,
      obligationId,
      status: body.status,
    });
  });
}
