import { readFileSync } from "node:fs";
import { ZExportParams } from "@sonae/core";
import { REPORT_PACKAGE_SCHEMA_PATH } from "@sonae/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { exportIncident } from "./incident-exports.service";

/** The police report package in four formats, and its published JSON Schema. */
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
          summary: "警察への報告パッケージ（PDF/JSON/STIX/XLSX、監査記録）/ Police report package (audited)",
          params: ZExportParams,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await exportIncident(
          deps.db,
          { ...contextOf(request), actor },
          request.params.id,
          request.params.format,
          deps.config.dataDir,
        );
        return reply
          .type(file.contentType)
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    );
  };
}
