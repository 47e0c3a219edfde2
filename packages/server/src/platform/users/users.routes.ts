import { ZCreateUserRequest, ZRole, ZUser } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../auth/auth.policy";
import { contextOf } from "../http/request-context";
import { presentUser } from "./users.present";
import { type BeforeUserDisabled, changeUserRole, createUser, disableUser, findUsers } from "./users.service";

export function usersRoutes(deps: AppDeps, beforeDisable?: BeforeUserDisabled): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/users",
      {
        schema: {
          tags: ["users"],
          summary: "利用者一覧 / Users (admins)",
          response: { 200: z.object({ users: z.array(ZUser) }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "user.manage");
        return { users: (await findUsers(deps.db, actor.organisationId)).map(presentUser) };
      },
    );

    app.post(
      "/api/users",
      {
        schema: {
          tags: ["users"],
          summary: "利用者の追加 / Add a user (admins)",
          body: ZCreateUserRequest,
          response: { 201: ZUser },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "user.manage");
        const row = await deps.db.transaction((tx) =>
          createUser(tx, contextOf(request), { ...request.body, organisationId: actor.organisationId }),
        );
        return reply.status(201).send(presentUser(row));
      },
    );

    app.patch(
      "/api/users/:id/role",
      {
        schema: {
          tags: ["users"],
          summary: "権限の変更 / Change a user's role (admins)",
          params: z.object({ id: z.uuid() }),
          body: z.object({ role: ZRole }),
          response: { 200: ZUser },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "user.manage");
        return presentUser(
          await changeUserRole(deps.db, contextOf(request), request.params.id, request.body.role),
        );
      },
    );

    app.post(
      "/api/users/:id/disable",
      {
        schema: {
          tags: ["users"],
          summary: "利用者の無効化（全セッション終了） / Deactivate a user and end their sessions (admins)",
          params: z.object({ id: z.uuid() }),
          response: { 200: ZUser },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "user.manage");
        return presentUser(await disableUser(deps.db, contextOf(request), request.params.id, beforeDisable));
      },
    );
  };
}
