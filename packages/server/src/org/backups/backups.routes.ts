import { ZBackupRegister, ZBackupSet, ZCreateBackupSetRequest, ZUpdateBackupSetRequest } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { readinessEnvOf } from "../assessment/readiness-env";
import {
  createBackupSet,
  deleteBackupSet,
  exportBackupSetsCsv,
  getBackupRegister,
  updateBackupSet,
} from "./backups.service";

const ZId = z.object({ id: z.uuid() });

/** The backup register: CRUD, checks next to each entry, CSV export. Viewers read; members and admins write. */
export function backupsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const env = readinessEnvOf(deps);
  return async (app) => {
    app.get(
      "/api/readiness/backups",
      {
        schema: {
          tags: ["readiness"],
          summary: "バックアップ台帳 / Backup register",
          response: { 200: ZBackupRegister },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getBackupRegister(deps.db, actor.organisationId);
      },
    );

    app.get(
      "/api/readiness/backups/export.csv",
      {
        schema: {
          tags: ["readiness"],
          summary: "バックアップ台帳のCSV出力 / Backup register as CSV",
          produces: ["text/csv"],
          response: { 200: z.string() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const csv = await exportBackupSetsCsv(deps.db, contextOf(request));
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="backup-register.csv"')
          .send(csv);
      },
    );

    app.post(
      "/api/readiness/backups",
      {
        schema: {
          tags: ["readiness"],
          summary: "バックアップの登録 / Add a backup set",
          body: ZCreateBackupSetRequest,
          response: { 201: ZBackupSet },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return reply.status(201).send(await createBackupSet(deps.db, contextOf(request), request.body, env));
      },
    );

    app.put(
      "/api/readiness/backups/:id",
      {
        schema: {
          tags: ["readiness"],
          summary: "バックアップの更新 / Update a backup set",
          params: ZId,
          body: ZUpdateBackupSetRequest,
          response: { 200: ZBackupSet },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return updateBackupSet(deps.db, contextOf(request), request.params.id, request.body, env);
      },
    );

    app.delete(
      "/api/readiness/backups/:id",
      {
        schema: {
          tags: ["readiness"],
          summary: "バックアップの削除 / Delete a backup set",
          params: ZId,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        await deleteBackupSet(deps.db, contextOf(request), request.params.id, env);
        return reply.status(204).send(null);
      },
    );
  };
}
