import type { Db } from "@sonae/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf, type RequestContext } from "../../platform/http/request-context";
import type { ReadinessEnv } from "../assessment/assessment-facts.repo";
import { readinessEnvOf } from "../assessment/readiness-env";

const ZId = z.object({ id: z.uuid() });

/** One peacetime register (backups, log sources): its address, words, schemas and service. */
export interface RegisterRoutesSpec<
  TRegister extends z.ZodType,
  TEntry extends z.ZodType,
  TCreate extends z.ZodType,
  TUpdate extends z.ZodType,
> {
  path: string;
  csvFileName: string;
  summaries: { read: string; csv: string; create: string; update: string; remove: string };
  schemas: { register: TRegister; entry: TEntry; create: TCreate; update: TUpdate };
  service: {
    read(db: Db, organisationId: string): Promise<z.output<TRegister>>;
    exportCsv(db: Db, ctx: RequestContext): Promise<string>;
    create(
      db: Db,
      ctx: RequestContext,
      input: z.output<TCreate>,
      env: ReadinessEnv,
    ): Promise<z.output<TEntry>>;
    update(
      db: Db,
      ctx: RequestContext,
      id: string,
      input: z.output<TUpdate>,
      env: ReadinessEnv,
    ): Promise<z.output<TEntry>>;
    remove(db: Db, ctx: RequestContext, id: string, env: ReadinessEnv): Promise<void>;
  };
}

/** A register's API: read with checks, CSV export (audited), add, update, delete. Viewers read; members and admins write. */
export function registerRoutes<
  TRegister extends z.ZodType,
  TEntry extends z.ZodType,
  TCreate extends z.ZodType,
  TUpdate extends z.ZodType,
>(deps: AppDeps, spec: RegisterRoutesSpec<TRegister, TEntry, TCreate, TUpdate>): FastifyPluginAsyncZod {
  const env = readinessEnvOf(deps);
  const { path, summaries, service } = spec;
  // The route options see the schemas as plain ZodTypes: Fastify's type provider cannot resolve reply
  // types through generic parameters. Validation and serialisation still use the real schemas; the
  // service signatures above keep the handlers typed.
  const schemas: Record<keyof typeof spec.schemas, z.ZodType> = spec.schemas;
  return async (app) => {
    app.get(
      path,
      { schema: { tags: ["readiness"], summary: summaries.read, response: { 200: schemas.register } } },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return service.read(deps.db, actor.organisationId);
      },
    );

    app.get(
      `${path}/export.csv`,
      {
        schema: {
          tags: ["readiness"],
          summary: summaries.csv,
          produces: ["text/csv"],
          response: { 200: z.string() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const csv = await service.exportCsv(deps.db, contextOf(request));
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${spec.csvFileName}"`)
          .send(csv);
      },
    );

    app.post(
      path,
      {
        schema: {
          tags: ["readiness"],
          summary: summaries.create,
          body: schemas.create,
          response: { 201: schemas.entry },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        const created = await service.create(
          deps.db,
          contextOf(request),
          request.body as z.output<TCreate>,
          env,
        );
        return reply.status(201).send(created);
      },
    );

    app.put(
      `${path}/:id`,
      {
        schema: {
          tags: ["readiness"],
          summary: summaries.update,
          params: ZId,
          body: schemas.update,
          response: { 200: schemas.entry },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return service.update(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body as z.output<TUpdate>,
          env,
        );
      },
    );

    app.delete(
      `${path}/:id`,
      {
        schema: { tags: ["readiness"], summary: summaries.remove, params: ZId, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        await service.remove(deps.db, contextOf(request), request.params.id, env);
        return reply.status(204).send(null);
      },
    );
  };
}
