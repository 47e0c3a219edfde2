import path from "node:path";
import { AppError, type TExportFormat, type TSharePreview } from "@sonae/core";
import { contacts, type Db, users } from "@sonae/db";
import {
  buildSharingCopy,
  parseReportPackage,
  renderReportHtml,
  renderReportJson,
  renderReportPdf,
  renderReportStix,
  renderReportXlsx,
  type TReportPackageModel,
} from "@sonae/documents";
import { type KevCatalog, loadKevCatalog, loadKevRanges } from "@sonae/kev";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { buildReportModel } from "./build-report-model";
import { assertIncidentTeam } from "./incident-access";
import { loadIncidentDetail } from "./incident-detail.service";
import { findDevices, findNetworkDiagram, findOrganisation } from "./incident-register.repo";
import { loadReportBundles, loadReportDetections } from "./report-evidence";
import { commonFormOf } from "./report-forms.service";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

export type ExportFile = { body: Buffer | string; contentType: string; fileName: string };

const TYPES: Record<TExportFormat, { ext: string; type: string }> = {
  pdf: { ext: "police-report.pdf", type: "application/pdf" },
  html: { ext: "police-report.html", type: "text/html; charset=utf-8" },
  json: { ext: "police-report.json", type: "application/json; charset=utf-8" },
  stix: { ext: "police-report.stix.json", type: "application/stix+json;version=2.1" },
  xlsx: {
    ext: "common-form.xlsx",
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  "share-pdf": { ext: "sharing-copy.pdf", type: "application/pdf" },
  "share-stix": { ext: "sharing-copy.stix.json", type: "application/stix+json;version=2.1" },
};

function loadKev(dataDir: string): KevCatalog | null {
  try {
    return loadKevCatalog(path.join(dataDir, "kev"));
  } catch {
    // No catalogue at all: the package says so through its missing source note rather than failing.
    return null;
  }
}

function parseOrExplain(input: unknown): TReportPackageModel {
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

/**
 * The report-package model of one incident with everything it holds (readiness record, evidence,
 * triage, the common-form send), validated: bad data is a 400 naming the field, never a half file.
 */
export async function buildIncidentReportModel(deps: AppDeps, ctx: Ctx, id: string, now = new Date()) {
  const { db } = deps;
  const detail = await loadIncidentDetail(db, ctx, id);
  const orgId = ctx.actor.organisationId;
  const [organisation, contactRows, deviceRows, diagram, evidenceBundles, detections] = await Promise.all([
    findOrganisation(db, orgId),
    db.select().from(contacts).where(eq(contacts.organisationId, orgId)),
    findDevices(db, orgId),
    findNetworkDiagram(db, orgId),
    loadReportBundles(deps, ctx.actor, id),
    loadReportDetections(deps, ctx.actor, id),
  ]);
  if (!organisation) throw new AppError("NOT_FOUND");
  const register = {
    organisation,
    contacts: contactRows,
    devices: deviceRows,
    diagram,
    kev: loadKev(deps.config.dataDir),
    kevRanges: loadKevRanges(path.join(deps.config.dataDir, "kev")),
    evidenceBundles: evidenceBundles.length > 0 ? evidenceBundles : undefined,
    detections: detections.length > 0 ? detections : undefined,
  };
  const draft = parseOrExplain(buildReportModel(detail, register, ctx.actor.displayName, now));
  const commonForm = await commonFormOf(deps, ctx, id, draft, detail, now);
  return { model: parseOrExplain({ ...draft, commonForm }), contactNames: contactRows.map((c) => c.name) };
}

/** Names the sharing copy must drop besides the contact person: every contact and user of the organisation. */
async function namesToDrop(db: Db, organisationId: string, contactNames: string[]): Promise<string[]> {
  const people = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.organisationId, organisationId));
  return [...contactNames, ...people.map((p) => p.name)];
}

async function sharingCopyOf(
  deps: AppDeps,
  ctx: Ctx,
  built: Awaited<ReturnType<typeof buildIncidentReportModel>>,
) {
  return buildSharingCopy(built.model, "ja", {
    extraTerms: await namesToDrop(deps.db, ctx.actor.organisationId, built.contactNames),
  });
}

async function render(model: TReportPackageModel, format: TExportFormat): Promise<Buffer | string> {
  if (format === "pdf" || format === "share-pdf") return renderReportPdf(model, "ja");
  if (format === "html") return renderReportHtml(model, "ja");
  if (format === "json") return renderReportJson(model);
  if (format === "stix" || format === "share-stix")
    return `${JSON.stringify(renderReportStix(model), null, 2)}\n`;
  return renderReportXlsx(model);
}

/** Renders one export format and records `incident.exported` with the format (issue 5 §8). */
export async function exportIncident(
  deps: AppDeps,
  ctx: Ctx,
  id: string,
  format: TExportFormat,
): Promise<ExportFile> {
  await assertIncidentTeam(deps.db, ctx.actor, "record.read");
  const built = await buildIncidentReportModel(deps, ctx, id);
  const model = format.startsWith("share-") ? (await sharingCopyOf(deps, ctx, built)).model : built.model;
  const body = await render(model, format);
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, { type: "incident.exported", incidentId: id, format }),
  );
  return {
    body,
    contentType: TYPES[format].type,
    fileName: `${built.model.incident.reference}-${TYPES[format].ext}`,
  };
}

/** What the sharing copy removes, for the preview before download (audited like a view). */
export async function previewSharingCopy(deps: AppDeps, ctx: Ctx, id: string): Promise<TSharePreview> {
  await assertIncidentTeam(deps.db, ctx.actor, "record.read");
  const built = await buildIncidentReportModel(deps, ctx, id);
  const { removed } = await sharingCopyOf(deps, ctx, built);
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, { type: "incident.share_previewed", incidentId: id }),
  );
  return { removed };
}
