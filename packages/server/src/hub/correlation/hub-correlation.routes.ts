import { ZHubAlert, ZHubRelatedCase } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor } from "../auth/hub.policy";
import { loadHubKeyring } from "../store/hub-keyring";
import { getRelatedCases, listAlerts, markAlertSeen } from "./correlation.service";

/** Related cases by shared indicators, and the analysts' alerts. */
export function hubCorrelationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/hub/cases/:id/related",
      {
        schema: {
          tags: ["hub"],
          summary: "共通の指標を持つ事案 / Cases sharing indicators",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.array(ZHubRelatedCase) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return getRelatedCases(
          deps.db,
          contextOf(request),
          loadHubKeyring(deps.config.dataDir),
          actor,
          request.params.id,
        );
      },
    );
    app.get(
      "/api/hub/alerts",
      {
        schema: {
          tags: ["hub"],
          summary: "関連事案アラート / Related-case alerts",
          querystring: z.object({ reportId: z.uuid().optional() }),
          response: { 200: z.array(ZHubAlert) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "alerts.read");
        return listAlerts(deps.db, contextOf(request), loadHubKeyring(deps.config.dataDir), actor, {
          reportId: request.query.reportId,
        });
      },
    );
    app.post(
      "/api/hub/alerts/:id/seen",
      {
        schema: {
          tags: ["hub"],
          summary: "アラート既読 / Mark alert seen",
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "alerts.read");
        await markAlertSeen(deps.db, actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
