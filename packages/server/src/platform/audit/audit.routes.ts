import { ZAuditListResponse } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../auth/auth.policy";
import { contextOf } from "../http/request-context";
import { findAuditEvents } from "./audit.repo";
import { recordAudit } from "./audit.service";

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "監査ログ / Audit log (admins)",
          querystring: z.object({
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            type: z.string().max(100).optional(),
          }),
          response: { 200: ZAuditListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "audit.read");
        const page = await findAuditEvents(deps.db, actor.organisationId, request.query);
        // Reading the audit trail is itself recorded: who looked at the record of who looked.
        await recordAudit(deps.db, contextOf(request), {
          type: "audit.viewed",
          filter: { ...request.query },
        });
        return page;
      },
    );
  };
}
