import {
  todayInJapan,
  ZKevCatalogStatus,
  ZKevSuggestions,
  ZKevUploadRequest,
  ZRegistersSummary,
} from "@sonae/core";
import { listKevSuggestions } from "@sonae/kev";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { summariseRegisters } from "../devices/registers-summary.service";
import { fetchCurrentKevCatalog, getKevCatalogStatus } from "./kev.service";
import { getKevCatalog, getKevRanges } from "./kev-catalog.cache";
import { uploadKevData } from "./kev-upload.service";

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

    app.post(
      "/api/readiness/kev/upload",
      {
        // base64 of at most 48 MB of NVD records
        bodyLimit: 70 * 1024 * 1024,
        schema: {
          tags: ["readiness"],
          summary:
            "KEV カタログ / NVD データのアップロード（管理者・オフライン端末用）/ Upload a KEV catalogue or NVD records (admins, offline)",
          body: ZKevUploadRequest,
          response: { 200: ZKevCatalogStatus },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "organisation.update");
        return uploadKevData(deps.db, contextOf(request), deps.config.dataDir, request.body);
      },
    );

    app.get(
      "/api/readiness/kev/suggestions",
      {
        schema: {
          tags: ["readiness"],
          summary: "機器登録の候補（KEV のベンダー・製品名）/ Vendor and product names for device entry",
          response: { 200: ZKevSuggestions },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return { vendors: listKevSuggestions(getKevCatalog(deps.config.dataDir)) };
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
          getKevRanges(deps.config.dataDir),
          todayInJapan(),
        );
      },
    );
  };
}
