import {
  AppError,
  type TCreateIncidentRequest,
  type TUpdateIncidentRequest,
  ZUpdateIncidentRequest,
} from "@sonae/core";
import { type Db, incidents, incidentTerminals, incidentTimeline } from "@sonae/db";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow } from "./incident-access";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

const toDate = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : new Date(v);

/** Lists the organisation's incidents, newest first (team only). */
export async function listIncidents(db: Db, ctx: Ctx) {
  await assertIncidentTeam(db, ctx.actor, "record.read");
  return db
    .select()
    .from(incidents)
    .where(eq(incidents.organisationId, ctx.actor.organisationId))
    .orderBy(desc(incidents.createdAt));
}

/**
 * Opens a draft incident (wizard step 1). The reference (INC-YYYY-NNNN) is unique per organisation;
 * two concurrent creations that pick the same number fail one with 409 rather than share it.
 */
export async function createIncident(db: Db, ctx: Ctx, input: TCreateIncidentRequest) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(incidents)
      .where(eq(incidents.organisationId, ctx.actor.organisationId));
    const now = new Date();
    const reference = `INC-${now.getUTCFullYear()}-${String(n + 1).padStart(4, "0")}`;
    const [row] = await tx
      .insert(incidents)
      .values({
        organisationId: ctx.actor.organisationId,
        reference,
        title: input.title?.trim() || reference,
        symptoms: input.symptoms ?? [],
        learnedAt: now,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await tx.insert(incidentTimeline).values({
      organisationId: ctx.actor.organisationId,
      incidentId: row!.id,
      at: now,
      source: "system",
      text: `インシデント記録を開始（${ctx.actor.displayName}）/ Incident record opened`,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { type: "incident.created", incidentId: row!.id, reference });
    return row!;
  });
}

/** Saves one wizard step or an edit; terminals, when sent, replace the list (the wizard sends all). */
export async function updateIncident(db: Db, ctx: Ctx, id: string, raw: TUpdateIncidentRequest) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const input = ZUpdateIncidentRequest.parse(raw);
  return db.transaction(async (tx) => {
    const before = await findIncidentRow(tx, ctx.actor, id);
    if (input.status === "draft" && before.status !== "draft")
      throw new AppError("VALIDATION", {
        field: "status",
        detail: {
          ja: "開始済みのインシデントは下書きに戻せません。",
          en: "An open incident cannot go back to draft.",
        },
      });
    const { terminals, discoveredAt, learnedAt, firstAnomalyAt, ...rest } = input;
    await tx
      .update(incidents)
      .set({
        ...rest,
        discoveredAt: toDate(discoveredAt),
        learnedAt: toDate(learnedAt),
        firstAnomalyAt: toDate(firstAnomalyAt),
        updatedAt: new Date(),
      })
      .where(and(eq(incidents.id, id), eq(incidents.organisationId, ctx.actor.organisationId)));
    if (terminals) {
      await tx.delete(incidentTerminals).where(eq(incidentTerminals.incidentId, id));
      if (terminals.length)
        await tx.insert(incidentTerminals).values(
          terminals.map((t, position) => ({
            ...t,
            isolatedAt: t.isolatedAt ? new Date(t.isolatedAt) : null,
            organisationId: ctx.actor.organisationId,
            incidentId: id,
            position,
          })),
        );
    }
    if (input.status === "open" && before.status === "draft") {
      await tx.insert(incidentTimeline).values({
        organisationId: ctx.actor.organisationId,
        incidentId: id,
        at: new Date(),
        source: "system",
        text: "初期登録を完了し対応を開始 / Intake completed, response started",
        createdBy: ctx.actor.userId,
      });
    }
    if (input.status && before.status !== "draft" && input.status !== before.status) {
      await tx.insert(incidentTimeline).values({
        organisationId: ctx.actor.organisationId,
        incidentId: id,
        at: new Date(),
        source: "system",
        text:
          input.status === "closed"
            ? `対応を終了（${ctx.actor.displayName}）/ Incident closed`
            : `対応を再開（${ctx.actor.displayName}）/ Incident reopened`,
        createdBy: ctx.actor.userId,
      });
    }
    await recordAudit(tx, ctx, { type: "incident.updated", incidentId: id, fields: Object.keys(input) });
    return findIncidentRow(tx, ctx.actor, id);
  });
}

/** The terminals of an incident in the order the wizard listed them. */
export async function listTerminals(db: Pick<Db, "select">, incidentId: string) {
  return db
    .select()
    .from(incidentTerminals)
    .where(eq(incidentTerminals.incidentId, incidentId))
    .orderBy(asc(incidentTerminals.position));
}
