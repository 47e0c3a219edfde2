import { ZHubAdvisory, ZHubAdvisoryInput } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor } from "../auth/hub.policy";
import {
  listPublishedAdvisories,
  listUnitAdvisories,
  publishAdvisory,
  withdrawAdvisory,
} from "./advisories.service";

/** Police units publish advisories (注意喚起); anyone, and organisations' instances, read the published ones. */
export function hubAdvisoriesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/hub/advisories",
      {
        schema: {
          tags: ["hub"],
          summary: "注意喚起(ユニット) / Advisories of and for my unit",
          response: { 200: z.array(ZHubAdvisory) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "advisory.read");
        return listUnitAdvisories(deps.db, actor);
      },
    );
    app.post(
      "/api/hub/advisories",
      {
        schema: {
          tags: ["hub"],
          summary: "注意喚起を発出 / Publish an advisory (analysts, unit admins)",
          body: ZHubAdvisoryInput,
          response: { 201: ZHubAdvisory },
        },
      },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "advisory.publish");
        return reply
          .status(201)
          .send(await publishAdvisory(deps.db, contextOf(request), actor, request.body));
      },
    );
    app.post(
      "/api/hub/advisories/:id/withdraw",
      {
        schema: {
          tags: ["hub"],
          summary: "注意喚起を取り下げ / Withdraw an advisory",
          params: z.object({ id: z.uuid() }),
          response: { 200: ZHubAdvisory },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "advisory.publish");
        return withdrawAdvisory(deps.db, contextOf(request), actor, request.params.id);
      },
    );
    app.get(
      "/api/hub/public/advisories",
      {
        config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
        schema: {
          tags: ["hub"],
          summary: "公開中の注意喚起 / Published advisories (public; nationwide plus the given prefecture)",
          querystring: z.object({
            prefecture: z
              .string()
              .regex(/^(0[1-9]|[1-3]\d|4[0-7])$/)
              .optional(),
          }),
          response: { 200: z.array(ZHubAdvisory) },
        },
      },
      async (request) => listPublishedAdvisories(deps.db, request.query.prefecture),
    );
  };
}
