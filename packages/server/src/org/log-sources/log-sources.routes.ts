import { ZCreateLogSourceRequest, ZLogRegister, ZLogSource, ZUpdateLogSourceRequest } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { readinessEnvOf } from "../assessment/readiness-env";
import {
  createLogSource,
  deleteLogSource,
  exportLogSourcesCsv,
  getLogRegister,
  updateLogSource,
} from "./log-sources.service";

const ZId = z.object({ id: z.uuid() });

/** The log register: CRUD, checks next to each entry, CSV export. Viewers read; members and admins write. */
export function logSourcesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const env = readinessEnvOf(deps);
  return async (app) => {
    app.get(
      "/api/readiness/logs",
      {
        schema: { tags: ["readiness"], summary: "ログ台帳 / Log register", response: { 200: ZLogRegister } },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getLogRegister(deps.db, actor.organisationId);
      },
    );

    app.get(
      "/api/readiness/logs/export.csv",
      {
        schema: {
          tags: ["readiness"],
          summary: "ログ台帳のCSV出力 / Log register as CSV",
          produces: ["text/csv"],
          response: { 200: z.string() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const csv = await exportLogSourcesCsv(deps.db, contextOf(request));
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="log-register.csv"')
          .send(csv);
      },
    );

    app.post(
      "/api/readiness/logs",
      {
        schema: {
          tags: ["readiness"],
          summary: "ログ取得元の登録 / Add a log source",
          body: ZCreateLogSourceRequest,
          response: { 201: ZLogSource },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return reply.status(201).send(await createLogSource(deps.db, contextOf(request), request.body, env));
      },
    );

    app.put(
      "/api/readiness/logs/:id",
      {
        schema: {
          tags: ["readiness"],
          summary: "ログ取得元の更新 / Update a log source",
          params: ZId,
          body: ZUpdateLogSourceRequest,
          response: { 200: ZLogSource },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return updateLogSource(deps.db, contextOf(request), request.params.id, request.body, env);
      },
    );

    app.delete(
      "/api/readiness/logs/:id",
      {
        schema: {
          tags: ["readiness"],
          summary: "ログ取得元の削除 / Delete a log source",
          params: ZId,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        await deleteLogSource(deps.db, contextOf(request), request.params.id, env);
        return reply.status(204).send(null);
      },
    );
  };
}
