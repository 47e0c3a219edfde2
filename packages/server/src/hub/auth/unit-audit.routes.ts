import { ZAuditListResponse, ZHubUnitId } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { requireHubActor } from "./hub.policy";
import { listUnitAudit } from "./unit-audit.service";

/** The unit's audit log for its unit admin (any unit's for a national unit admin). */
export function unitAuditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/hub/audit",
      {
        schema: {
          tags: ["hub"],
          summary: "ユニットの監査ログ / My unit's audit log (unit admins)",
          querystring: z.object({
            unitId: z.coerce.number().pipe(ZHubUnitId).optional(),
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: ZAuditListResponse },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return listUnitAudit(deps.db, contextOf(request), actor, request.query);
      },
    );
  };
}
