import { ZIncidentIdParams, ZIndicatorParams, ZPpcAssessment, ZPromoteIndicatorRequest } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { promoteIndicator, withdrawPromotion } from "./incident-indicator-promotion.service";
import { recordPpcAssessment } from "./incident-ppc.service";

const tags = ["incidents"];
const NoContent = { 204: z.null() };

/**
 * Judgements a person records on an incident: a warning-listed value (context) promoted to an attack
 * indicator with a reason (and undone), and the four 規則7条 questions that decide the PPC duties.
 */
export function incidentJudgementRoutes(deps: AppDeps): FastifyPluginAsyncZod {
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

    app.put(
      "/api/incidents/:id/ppc-assessment",
      {
        schema: {
          tags,
          summary:
            "個人情報保護委員会への報告要否（規則7条の4項目）/ The four PPC reporting questions (Rule 7)",
          params: ZIncidentIdParams,
          body: ZPpcAssessment,
          response: NoContent,
        },
      },
      async (request, reply) => {
        await recordPpcAssessment(deps.db, ctx(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
