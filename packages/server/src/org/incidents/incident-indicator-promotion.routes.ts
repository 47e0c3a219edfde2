import { ZIndicatorParams, ZPromoteIndicatorRequest } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { requireActor } from "../../platform/auth/auth.policy";
import { promoteIndicator, withdrawPromotion } from "./incident-indicator-promotion.service";

const tags = ["incidents"];
const NoContent = { 204: z.null() };

/** A warning-listed value (context) made an attack indicator by a person with a reason, and undone. */
export function incidentIndicatorPromotionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = (request: Parameters<typeof contextOf>[0]) => ({
      ...contextOf(request),
      actor: requireActor(request),
    });

    app.put(
      "/api/incidents/:id/indicators/:indicatorId/promotion",
      {
        schema: {
          tags,
          summary:
            "参考情報を理由付きで指標に格上げ / Promote a context value to an indicator, with a reason",
          params: ZIndicatorParams,
          body: ZPromoteIndicatorRequest,
          response: NoContent,
        },
      },
      async (request, reply) => {
        const { id, indicatorId } = request.params;
        await promoteIndicator(deps.db, ctx(request), id, indicatorId, request.body);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      "/api/incidents/:id/indicators/:indicatorId/promotion",
      {
        schema: {
          tags,
          summary: "格上げの取り消し / Return a promoted value to context",
          params: ZIndicatorParams,
          response: NoContent,
        },
      },
      async (request, reply) => {
        const { id, indicatorId } = request.params;
        await withdrawPromotion(deps.db, ctx(request), id, indicatorId);
        return reply.status(204).send(null);
      },
    );
  };
}
