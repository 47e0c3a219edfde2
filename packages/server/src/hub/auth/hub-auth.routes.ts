import { HUB_UNITS, ZHubMe, ZHubRole, ZHubSetMembershipRequest, ZHubUnit } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor, unitOf } from "./hub.policy";
import {
  listHubMemberships,
  removeHubMembership,
  setHubMembership,
  unitRightsOf,
} from "./hub-memberships.service";

const ZMemberships = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      email: z.string(),
      displayName: z.string(),
      isDisabled: z.boolean(),
      unitId: z.int(),
      role: ZHubRole,
    }),
  ),
  unassigned: z.array(z.object({ userId: z.string(), email: z.string(), displayName: z.string() })),
  /** null: every unit (national unit admin). */
  manageableUnitIds: z.array(z.int()).nullable(),
  nationalAdminCount: z.int(),
});

/** Who am I in the hub, the unit list and memberships (unit admins, within the rights table). */
export function hubAuthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/hub/me",
      {
        schema: {
          tags: ["hub"],
          summary: "ハブでの所属と役割 / My hub unit and role",
          response: { 200: ZHubMe },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return {
          userId: actor.userId,
          displayName: actor.displayName,
          unit: unitOf(actor.unitId),
          role: actor.hubRole,
          rights: unitRightsOf(actor),
        };
      },
    );
    app.get(
      "/api/hub/units",
      { schema: { tags: ["hub"], summary: "ユニット一覧 / Units", response: { 200: z.array(ZHubUnit) } } },
      async (request) => {
        await requireHubActor(deps.db, request);
        return HUB_UNITS.map((u) => ({ ...u }));
      },
    );
    app.get(
      "/api/hub/memberships",
      {
        schema: {
          tags: ["hub"],
          summary: "所属一覧 / Members of the units I administer",
          response: { 200: ZMemberships },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "members.manage");
        return listHubMemberships(deps.db, contextOf(request), actor);
      },
    );
    app.put(
      "/api/hub/memberships",
      {
        schema: {
          tags: ["hub"],
          summary: "所属と役割の設定 / Set a user's unit and role (unit admins)",
          body: ZHubSetMembershipRequest,
          response: { 200: z.object({ userId: z.string(), unitId: z.int(), role: z.string() }) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return setHubMembership(deps.db, contextOf(request), actor, request.body);
      },
    );
    app.delete(
      "/api/hub/memberships/:userId",
      {
        schema: {
          tags: ["hub"],
          summary: "所属の解除 / Remove a user from the hub (unit admins)",
          params: z.object({ userId: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        await removeHubMembership(deps.db, contextOf(request), actor, request.params.userId);
        return reply.status(204).send(null);
      },
    );
  };
}
