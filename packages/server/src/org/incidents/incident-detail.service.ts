import {
  assessPpc,
  computeDeadlines,
  type TDeadlineView,
  type TIncidentDetail,
  type TIncidentSymptom,
  type TUpcomingDeadline,
  ZIncidentDdos,
  ZIncidentFamily,
  ZPpcAssessment,
  ZRansomDemand,
} from "@sonae/core";
import { type Db, incidentReports, incidents, incidentTimeline } from "@sonae/db";
import { and, asc, eq, ne } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow, isInIncidentTeam } from "./incident-access";
import { buildChecklistViews } from "./incident-checklist.service";
import { loadObligationRules } from "./incident-content";
import { listIndicators, presentIndicator } from "./incident-indicator-presenter";
import { listTerminals } from "./incidents.service";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };
type Reader = Pick<Db, "select">;
type IncidentRow = typeof incidents.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The stored 規則7条 answers (null until someone answers) and what they decide. */
export function ppcOf(row: IncidentRow) {
  const answers = row.ppcAssessment ? ZPpcAssessment.safeParse(row.ppcAssessment) : null;
  return assessPpc(answers?.success ? answers.data : null, row.symptoms as TIncidentSymptom[]);
}

async function deadlinesOf(db: Reader, row: IncidentRow, now: Date): Promise<TDeadlineView[]> {
  const reports = await db.select().from(incidentReports).where(eq(incidentReports.incidentId, row.id));
  return computeDeadlines(
    loadObligationRules(),
    {
      learnedAt: iso(row.learnedAt),
      personalData: row.personalData as "yes" | "no" | "unknown",
      symptoms: row.symptoms as TIncidentSymptom[],
      ppc: ppcOf(row),
    },
    reports.map((r) => ({
      obligationId: r.obligationId,
      status: r.status as "pending" | "done" | "not_applicable",
      doneAt: iso(r.doneAt),
      recipient: r.recipient,
      officer: r.officer,
      referenceNumber: r.referenceNumber,
      note: r.note,
    })),
    now,
  );
}

/** Assembles the whole incident (no audit: callers decide whether this is a view or an export). */
export async function loadIncidentDetail(db: Reader, ctx: Ctx, id: string): Promise<TIncidentDetail> {
  const row = await findIncidentRow(db, ctx.actor, id);
  const [terminals, checklist, timeline, indicators, deadlines] = await Promise.all([
    listTerminals(db, id),
    buildChecklistViews(db, ctx.actor.organisationId, row),
    db
      .select()
      .from(incidentTimeline)
      .where(eq(incidentTimeline.incidentId, id))
      .orderBy(asc(incidentTimeline.at)),
    listIndicators(db, id),
    deadlinesOf(db, row, new Date()),
  ]);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    wizardStep: row.wizardStep as TIncidentDetail["wizardStep"],
    title: row.title,
    symptoms: row.symptoms as TIncidentSymptom[],
    discoveredAt: iso(row.discoveredAt),
    discoveredBy: row.discoveredBy,
    discoveredHow: row.discoveredHow,
    learnedAt: iso(row.learnedAt),
    firstAnomalyAt: iso(row.firstAnomalyAt),
    summary: row.summary,
    businessImpact: row.businessImpact,
    personalData: row.personalData as TIncidentDetail["personalData"],
    request: row.request as TIncidentDetail["request"],
    intrusionMethod: row.intrusionMethod as TIncidentDetail["intrusionMethod"],
    intrusionDetail: row.intrusionDetail,
    terminals: terminals.map((t) => ({
      host: t.host,
      userName: t.userName,
      os: t.os,
      role: t.role as TIncidentDetail["terminals"][number]["role"],
      encrypted: t.encrypted as "yes" | "no" | "unknown",
      symptoms: t.symptoms,
      isolatedAt: iso(t.isolatedAt),
      powerState: t.powerState as "on" | "off" | "unknown",
    })),
    ncoConsent: row.ncoConsent as TIncidentDetail["ncoConsent"],
    criticalInfrastructure: row.criticalInfrastructure as TIncidentDetail["criticalInfrastructure"],
    ddos: row.ddos ? ZIncidentDdos.parse(row.ddos) : null,
    demand: row.demand ? ZRansomDemand.parse(row.demand) : null,
    family: row.family ? ZIncidentFamily.parse(row.family) : null,
    checklist,
    timeline: timeline.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      source: e.source as "manual" | "checklist" | "report" | "system",
      text: e.text,
      isAction: e.isAction,
    })),
    indicators: indicators.map(presentIndicator),
    deadlines,
    ppc: ppcOf(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One view of an incident: the whole record, and an `incident.viewed` audit event (issue 5 §8). */
export async function viewIncident(db: Db, ctx: Ctx, id: string): Promise<TIncidentDetail> {
  await assertIncidentTeam(db, ctx.actor, "record.read");
  return db.transaction(async (tx) => {
    const detail = await loadIncidentDetail(tx, ctx, id);
    await recordAudit(tx, ctx, { type: "incident.viewed", incidentId: id });
    return detail;
  });
}

/**
 * Pending deadlines of open incidents, soonest first, for the dashboard. People outside the
 * incident team get an empty list (not an error) so the dashboard widget never reveals incidents.
 */
export async function listUpcomingDeadlines(
  db: Db,
  ctx: Ctx,
  now = new Date(),
): Promise<TUpcomingDeadline[]> {
  if (!(await isInIncidentTeam(db, ctx.actor))) return [];
  const rows = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.organisationId, ctx.actor.organisationId), ne(incidents.status, "closed")));
  const all: TUpcomingDeadline[] = [];
  for (const row of rows) {
    for (const d of await deadlinesOf(db, row, now)) {
      if (!d.applies || d.status !== "pending" || !d.dueAt) continue;
      all.push({ ...d, incidentId: row.id, incidentReference: row.reference, incidentTitle: row.title });
    }
  }
  return all.sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
}
