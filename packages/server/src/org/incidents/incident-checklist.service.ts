import type { TChecklistStepView, TIncidentSymptom } from "@sonae/core";
import { AppError, findPrefecture, ZCompleteStepRequest } from "@sonae/core";
import { type Db, incidentChecklistSteps, incidentTimeline } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow } from "./incident-access";
import { loadChecklists } from "./incident-content";
import {
  findInsurers,
  findMemoryLogNames,
  findOrganisation,
  findPoliceDesks,
} from "./incident-register.repo";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };
type Reader = Pick<Db, "select">;

const PHONE_LABEL = { ja: "電話", en: "Phone" };

/**
 * The checklist steps that apply to this incident, with who did each and when, and the register
 * facts a step needs (the police desk as recorded, the insurer, devices whose logs are in memory).
 */
export async function buildChecklistViews(
  db: Reader,
  organisationId: string,
  incident: { id: string; symptoms: string[] },
): Promise<TChecklistStepView[]> {
  const [done, desks, insurers, memoryLogs, organisation] = await Promise.all([
    db.select().from(incidentChecklistSteps).where(eq(incidentChecklistSteps.incidentId, incident.id)),
    findPoliceDesks(db, organisationId),
    findInsurers(db, organisationId),
    findMemoryLogNames(db, organisationId),
    findOrganisation(db, organisationId),
  ]);
  // The prefectural police of the organisation's prefecture (JIS X 0401 table): a name, never a number.
  const hq = organisation ? findPrefecture(organisation.prefectureCode) : undefined;
  const policeHq = hq ? `（所在地の警察: ${hq.policeJa}）` : null;
  const symptoms = incident.symptoms as TIncidentSymptom[];
  const views: TChecklistStepView[] = [];
  for (const list of loadChecklists()) {
    for (const step of list.steps) {
      if (step.symptoms.length && !step.symptoms.some((s) => symptoms.includes(s))) continue;
      if (step.when === "memory-log-devices" && memoryLogs.length === 0) continue;
      const facts: TChecklistStepView["facts"] = [];
      if (step.showPoliceDesk)
        for (const d of desks)
          facts.push({
            label: { ja: "警察の相談窓口（登録済み）", en: "Police desk (as recorded)" },
            value: [d.name, d.affiliation, d.phone && `${PHONE_LABEL.ja}/${PHONE_LABEL.en} ${d.phone}`]
              .filter(Boolean)
              .join(" / "),
            verifiedAt: d.verifiedAt,
          });
      if (step.showPoliceDesk && desks.length === 0)
        facts.push({
          label: { ja: "警察の相談窓口", en: "Police desk" },
          value:
            `未登録です。平時の備え（連絡体制）に登録してください / Not recorded: add it under Readiness (contacts). ${policeHq ?? ""}`.trim(),
          verifiedAt: null,
        });
      if (step.showInsurer)
        for (const i of insurers)
          facts.push({
            label: { ja: "保険会社（登録済み）", en: "Insurer (as recorded)" },
            value: [i.name, i.hotline ?? i.phone, i.policyNumber && `No. ${i.policyNumber}`]
              .filter(Boolean)
              .join(" / "),
            verifiedAt: i.verifiedAt,
          });
      if (step.when === "memory-log-devices")
        facts.push({
          label: { ja: "ログがメモリ上の機器", en: "Devices with logs in memory" },
          value: memoryLogs.join(", "),
          verifiedAt: null,
        });
      const row = done.find((d) => d.stepId === step.id);
      views.push({
        checklist: list.id,
        id: step.id,
        title: step.title,
        detail: step.detail,
        link: step.link
          ? { path: step.link.path.replace("{incident}", incident.id), label: step.link.label }
          : null,
        source: step.source,
        done: row ? { by: row.doneByName, at: row.doneAt.toISOString(), note: row.note } : null,
        facts,
      });
    }
  }
  return views;
}

/** Marks a step done (who, when, note) and writes it to the timeline as an action; or undoes it. */
export async function recordChecklistStep(
  db: Db,
  ctx: Ctx,
  incidentId: string,
  stepId: string,
  input: z.input<typeof ZCompleteStepRequest>,
) {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  const body = ZCompleteStepRequest.parse(input);
  const step = loadChecklists()
    .flatMap((l) => l.steps)
    .find((s) => s.id === stepId);
  if (!step) throw new AppError("NOT_FOUND");
  await db.transaction(async (tx) => {
    await findIncidentRow(tx, ctx.actor, incidentId);
    const where = and(
      eq(incidentChecklistSteps.incidentId, incidentId),
      eq(incidentChecklistSteps.stepId, stepId),
    );
    await tx.delete(incidentChecklistSteps).where(where);
    if (body.done) {
      const at = body.at ? new Date(body.at) : new Date();
      await tx.insert(incidentChecklistSteps).values({
        organisationId: ctx.actor.organisationId,
        incidentId,
        stepId,
        doneBy: ctx.actor.userId,
        doneByName: ctx.actor.displayName,
        doneAt: at,
        note: body.note,
      });
      await tx.insert(incidentTimeline).values({
        organisationId: ctx.actor.organisationId,
        incidentId,
        at,
        source: "checklist",
        text: `${step.title.ja}（${ctx.actor.displayName}）${body.note ? `: ${body.note}` : ""}`,
        isAction: true,
        createdBy: ctx.actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      type: "incident.checklist_step_recorded",
      incidentId,
      stepId,
      done: body.done,
    });
  });
}
