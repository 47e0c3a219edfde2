import {
  ZAddIndicatorRequest,
  ZCompleteStepRequest,
  ZCreateTimelineEntryRequest,
  ZExtractIndicatorsRequest,
  ZIncidentFamily,
  ZIncidentIdParams,
  ZIndicatorParams,
  ZObligationParams,
  ZRansomDemand,
  ZRecordReportRequest,
  ZStepParams,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { recordChecklistStep } from "./incident-checklist.service";
import { identifyIncidentFamily } from "./incident-identify.service";
import {
  addIndicator,
  deleteIndicator,
  extractIntoIncident,
  updateIndicator,
} from "./incident-indicators.service";
import { addTimelineEntry, recordDemand, recordReport } from "./incident-work.service";

const tags = ["incidents"];
const NoContent = { 204: z.null() };

/** Working an incident: checklist, timeline, demand, family, indicators, reports made. */
export function incidentWorkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = (request: Parameters<typeof contextOf>[0]) => ({
      ...contextOf(request),
      actor: requireActor(request),
    });

    app.put(
      "/api/incidents/:id/checklist/:stepId",
      {
        schema: {
          tags,
          summary: "チェックリストの実施記録 / Record a checklist step (who, when)",
          params: ZStepParams,
          body: ZCompleteStepRequest,
          response: NoContent,
        },
      },
      async (request, reply) => {
        await recordChecklistStep(
          deps.db,
          ctx(request),
          request.params.id,
          request.params.stepId,
          request.body,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/incidents/:id/timeline",
      {
        schema: {
          tags,
          summary: "時系列への手動記録 / Add a timeline entry",
          params: ZIncidentIdParams,
          body: ZCreateTimelineEntryRequest,
          response: NoContent,
        },
      },
      async (request, reply) => {
        await addTimelineEntry(deps.db, ctx(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/api/incidents/:id/demand",
      {
        schema: {
          tags,
          summary: "身代金要求の記録 / Record the ransom demand",
          params: ZIncidentIdParams,
          body: ZRansomDemand,
          response: NoContent,
        },
      },
      async (request, reply) => {
        await recordDemand(deps.db, ctx(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/incidents/:id/identify",
      {
        schema: {
          tags,
          summary: "ランサムウェアの種類を推定 / Identify the ransomware family",
          params: ZIncidentIdParams,
          response: { 200: ZIncidentFamily },
        },
      },
      async (request) => identifyIncidentFamily(deps.db, ctx(request), request.params.id),
    );

    app.post(
      "/api/incidents/:id/indicators/extract",
      {
        schema: {
          tags,
          summary: "貼り付けた文から指標を抽出 / Extract indicators from pasted text",
          params: ZIncidentIdParams,
          body: ZExtractIndicatorsRequest,
          response: { 200: z.object({ added: z.int(), duplicates: z.int() }) },
        },
      },
      async (request) => extractIntoIncident(deps.db, ctx(request), request.params.id, request.body.text),
    );

    app.post(
      "/api/incidents/:id/indicators",
      {
        schema: {
          tags,
          summary: "指標を手入力で追加 / Add an indicator by hand",
          params: ZIncidentIdParams,
          body: ZAddIndicatorRequest,
          response: NoContent,
        },
      },
      async (request, reply) => {
        await addIndicator(deps.db, ctx(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/api/incidents/:id/indicators/:indicatorId",
      {
        schema: {
          tags,
          summary: "指標の修正 / Correct an indicator",
          params: ZIndicatorParams,
          body: ZAddIndicatorRequest,
          response: NoContent,
        },
      },
      async (request, reply) => {
        const { id, indicatorId } = request.params;
        await updateIndicator(deps.db, ctx(request), id, indicatorId, request.body);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      "/api/incidents/:id/indicators/:indicatorId",
      {
        schema: {
          tags,
          summary: "指標の削除 / Delete an indicator",
          params: ZIndicatorParams,
          response: NoContent,
        },
      },
      async (request, reply) => {
        await deleteIndicator(deps.db, ctx(request), request.params.id, request.params.indicatorId);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/api/incidents/:id/reports/:obligationId",
      {
        schema: {
          tags,
          summary: "報告・届出の記録 / Record a report or notification made",
          params: ZObligationParams,
          body: ZRecordReportRequest,
          response: NoContent,
        },
      },
      async (request, reply) => {
        const { id, obligationId } = request.params;
        await recordReport(deps.db, ctx(request), id, obligationId, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
