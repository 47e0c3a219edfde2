import path from "node:path";
import { AppError, type TExportFormat } from "@sonae/core";
import { contacts, type Db } from "@sonae/db";
import {
  parseReportPackage,
  renderReportJson,
  renderReportPdf,
  renderReportStix,
  renderReportXlsx,
} from "@sonae/documents";
import { type KevCatalog, loadKevCatalog } from "@sonae/kev";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { buildReportModel } from "./build-report-model";
import { assertIncidentTeam } from "./incident-access";
import { loadIncidentDetail } from "./incident-detail.service";
import { findDevices, findNetworkDiagram, findOrganisation } from "./incident-register.repo";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

export type ExportFile = { body: Buffer | string; contentType: string; fileName: string };

const TYPES: Record<TExportFormat, { ext: string; type: string }> = {
  pdf: { ext: "pdf", type: "application/pdf" },
  json: { ext: "json", type: "application/json; charset=utf-8" },
  stix: { ext: "stix.json", type: "application/stix+json;version=2.1" },
  xlsx: { ext: "xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
};

function loadKev(dataDir: string): KevCatalog | null {
  try {
    return loadKevCatalog(path.join(dataDir, "kev"));
  } catch {
    // No catalogue at all: the package says so through its missing source note rather than failing.
    return null;
  }
}

/** The report-package model of one incident, validated (bad data is a 400 naming the field, never a half file). */
export async function buildIncidentReportModel(db: Db, ctx: Ctx, id: string, dataDir: string) {
  const detail = await loadIncidentDetail(db, ctx, id);
  const orgId = ctx.actor.organisationId;
  const [organisation, contactRows, deviceRows, diagram] = await Promise.all([
    findOrganisation(db, orgId),
    db.select().from(contacts).where(eq(contacts.organisationId, orgId)),
    findDevices(db, orgId),
    findNetworkDiagram(db, orgId),
  ]);
  if (!organisation) throw new AppError("NOT_FOUND");
  const input = buildReportModel(
    detail,
    { organisation, contacts: contactRows, devices: deviceRows, diagram, kev: loadKev(dataDir) },
    ctx.actor.displayName,
  );
  try {
    return parseReportPackage(input);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const field = error.issues[0]?.path.join(".");
    throw new AppError("VALIDATION", {
      field,
      detail: {
        ja: `報告パッケージを作成できません: ${field}（${error.issues[0]?.message}）`,
        en: `The report package cannot be built: ${field} (${error.issues[0]?.message})`,
      },
    });
  }
}

/** Renders one export format and records `incident.exported` with the format (issue 5 §8). */
export async function exportIncident(
  db: Db,
  ctx: Ctx,
  id: string,
  format: TExportFormat,
  dataDir: string,
): Promise<ExportFile> {
  await assertIncidentTeam(db, ctx.actor, "record.read");
  const model = await buildIncidentReportModel(db, ctx, id, dataDir);
  let body: Buffer | string;
  if (format === "pdf") body = await renderReportPdf(model, "ja");
  else if (format === "json") body = renderReportJson(model);
  else if (format === "stix") body = `${JSON.stringify(renderReportStix(model), null, 2)}\n`;
  else body = await renderReportXlsx(model);
  await db.transaction((tx) => recordAudit(tx, ctx, { type: "incident.exported", incidentId: id, format }));
  return {
    body,
    contentType: TYPES[format].type,
    fileName: `${model.incident.reference}-police-report.${TYPES[format].ext}`,
  };
}
