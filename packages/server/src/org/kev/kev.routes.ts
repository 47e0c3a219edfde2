import { todayInJapan, ZKevCatalogStatus, ZRegistersSummary } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { summariseRegisters } from "../devices/registers-summary.service";
import { fetchCurrentKevCatalog, getKevCatalogStatus } from "./kev.service";
import { getKevCatalog } from "./kev-catalog.cache";

/** The KEV catalogue: which one is in use (everyone), fetching the current one (admins, needs internet). */
export function kevRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/readiness/kev",
      {
        schema: {
          tags: ["readiness"],
          summary: "KEV カタログ（CISA）の状態 / KEV catalogue in use",
          response: { 200: ZKevCatalogStatus },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getKevCatalogStatus(deps.config.dataDir);
      },
    );

    app.post(
      "/api/readiness/kev/fetch",
      {
        schema: {
          tags: ["readiness"],
          summary:
            "最新の KEV カタログを取得（管理者・要インターネット）/ Fetch the current KEV catalogue (admins)",
          response: { 200: ZKevCatalogStatus },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        // Replacing the catalogue changes every organisation's matches on this server: an admin decision.
        assertCan(actor, "organisation.update");
        return fetchCurrentKevCatalog(deps.db, contextOf(request), deps.config.dataDir);
      },
    );

    app.get(
      "/api/readiness/registers-summary",
      {
        schema: {
          tags: ["readiness"],
          summary: "台帳の集計（KEV 該当機器・要確認の連絡先）/ Register figures for the dashboard",
          response: { 200: ZRegistersSummary },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return summariseRegisters(
          deps.db,
          actor.organisationId,
          getKevCatalog(deps.config.dataDir),
          todayInJapan(),
        );
      },
    );
  };
}
