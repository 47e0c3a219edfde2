import { ZOrganisation, ZSetupRequest } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { presentOrganisation } from "../../org/organisation/organisation.present";
import { contextOf } from "../http/request-context";
import { type AfterSetup, completeSetup } from "./setup.service";

export function setupRoutes(deps: AppDeps, afterSetup?: AfterSetup): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/setup",
      {
        config: { rateLimit: { max: 10, timeWindow: "15 minutes" } },
        schema: {
          tags: ["setup"],
          summary: "初期設定 / First-run setup (only while no organisation exists)",
          body: ZSetupRequest,
          response: { 201: ZOrganisation },
        },
      },
      async (request, reply) => {
        const { organisation } = await completeSetup(deps.db, contextOf(request), request.body, afterSetup);
        return reply.status(201).send(presentOrganisation(organisation));
      },
    );
  };
}
