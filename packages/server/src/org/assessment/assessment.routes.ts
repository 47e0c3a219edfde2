import { ZReadinessAssessment, ZReadinessDashboard, ZSaveReadinessAnswerRequest } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { getAssessment, recordReadinessSnapshot, saveReadinessAnswer } from "./assessment.service";
import { getReadinessDashboard } from "./dashboard.service";
import { readinessEnvOf } from "./readiness-env";

/** The readiness assessment (checklist, score, ranked gaps, history) and the dashboard summary. */
export function assessmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const env = readinessEnvOf(deps);
  return async (app) => {
    app.get(
      "/api/readiness/assessment",
      {
        schema: {
          tags: ["readiness"],
          summary: "備えの評価 / Readiness assessment",
          response: { 200: ZReadinessAssessment },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getAssessment(deps.db, actor.organisationId, env);
      },
    );

    app.put(
      "/api/readiness/assessment/answers/:itemId",
      {
        schema: {
          tags: ["readiness"],
          summary: "評価項目への回答 / Answer a checklist item",
          params: z.object({
            itemId: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(100),
          }),
          body: ZSaveReadinessAnswerRequest,
          response: { 200: ZReadinessAssessment },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return saveReadinessAnswer(deps.db, contextOf(request), request.params.itemId, request.body, env);
      },
    );

    app.post(
      "/api/readiness/assessment/snapshots",
      {
        schema: {
          tags: ["readiness"],
          summary: "今日の点数を記録 / Record today's score",
          response: { 200: ZReadinessAssessment },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return recordReadinessSnapshot(deps.db, contextOf(request), env);
      },
    );

    app.get(
      "/api/readiness/dashboard",
      {
        schema: {
          tags: ["readiness"],
          summary: "ダッシュボード / Readiness dashboard",
          response: { 200: ZReadinessDashboard },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getReadinessDashboard(deps.db, actor.organisationId, env);
      },
    );
  };
}
