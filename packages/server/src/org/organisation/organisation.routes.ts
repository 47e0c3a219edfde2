import { ZOrganisation, ZOrganisationProfile } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { presentOrganisation } from "./organisation.present";
import { getOrganisation, updateOrganisation } from "./organisation.service";

export function organisationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/organisation",
      {
        schema: {
          tags: ["organisation"],
          summary: "組織プロフィール / Organisation profile",
          response: { 200: ZOrganisation },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return presentOrganisation(await getOrganisation(deps.db, actor.organisationId));
      },
    );

    app.put(
      "/api/organisation",
      {
        schema: {
          tags: ["organisation"],
          summary: "組織プロフィールの更新 / Update the organisation profile (admins)",
          body: ZOrganisationProfile,
          response: { 200: ZOrganisation },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "organisation.update");
        return presentOrganisation(await updateOrganisation(deps.db, contextOf(request), request.body));
      },
    );
  };
}
