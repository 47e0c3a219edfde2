import { readFileSync } from "node:fs";
import {
  ZExportParams,
  ZFormSend,
  ZFormSendsResponse,
  ZIncidentIdParams,
  ZRecordFormSendRequest,
  ZSharePreview,
} from "@sonae/core";
import { REPORT_PACKAGE_SCHEMA_PATH } from "@sonae/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import { requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { assertIncidentTeam } from "./incident-access";
import { buildIncidentReportModel, exportIncident, previewSharingCopy } from "./incident-exports.service";
import { listFormSends, recordFormSend } from "./report-forms.service";

/** The police report package (PDF, HTML, JSON, STIX, common-form XLSX), the sharing copy, form sends, the schema. */
export function incidentExportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // The schema is public on purpose: the format is open, and receivers validate against it.
    const schemaText = readFileSync(REPORT_PACKAGE_SCHEMA_PATH, "utf8");
    app.get(
      "/api/schemas/report-package.json",
      {
        schema: { tags: ["incidents"], summary: "報告パッケージのJSON Schema / Report package JSON Schema" },
      },
      async (_request, reply) => reply.type("application/schema+json").send(schemaText),
    );

    app.get(
      "/api/incidents/:id/export/:format",
      {
        schema: {
          tags: ["incidents"],
          summary:
            "警察への報告パッケージ・共通様式・共有用写し（監査記録）/ Police report package, common form, sharing copy (audited)",
          params: ZExportParams,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await exportIncident(
          deps,
          { ...contextOf(request), actor },
          request.params.id,
          request.params.format,
        );
        return reply
          .type(file.contentType)
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    );

    app.get(
      "/api/incidents/:id/share-preview",
      {
        schema: {
          tags: ["incidents"],
          summary: "共有用写しで除く情報の一覧 / What the sharing copy removes",
          params: ZIncidentIdParams,
          response: { 200: ZSharePreview },
        },
      },
      async (request) =>
        previewSharingCopy(deps, { ...contextOf(request), actor: requireActor(request) }, request.params.id),
    );

    app.get(
      "/api/incidents/:id/form-sends",
      {
        schema: {
          tags: ["incidents"],
          summary: "共通様式の送付履歴と次の報告の変更点 / Common-form sends and changes since",
          params: ZIncidentIdParams,
          response: { 200: ZFormSendsResponse },
        },
      },
      async (request) => {
        const ctx = { ...contextOf(request), actor: requireActor(request) };
        await assertIncidentTeam(deps.db, ctx.actor, "record.read");
        const { model } = await buildIncidentReportModel(deps, ctx, request.params.id);
        const result = await listFormSends(deps, ctx, request.params.id, model);
        await deps.db.transaction((tx) =>
          recordAudit(tx, ctx, { type: "incident.viewed", incidentId: request.params.id }),
        );
        return result;
      },
    );

    app.post(
      "/api/incidents/:id/form-sends",
      {
        schema: {
          tags: ["incidents"],
          summary: "共通様式の送付を記録（版を追加）/ Record a common-form send (a new version)",
          params: ZIncidentIdParams,
          body: ZRecordFormSendRequest,
          response: { 201: ZFormSend },
        },
      },
      async (request, reply) => {
        const ctx = { ...contextOf(request), actor: requireActor(request) };
        await assertIncidentTeam(deps.db, ctx.actor, "record.write");
        const { model } = await buildIncidentReportModel(deps, ctx, request.params.id);
        const send = await recordFormSend(deps, ctx, request.params.id, request.body, model);
        return reply.status(201).send(send);
      },
    );
  };
}
