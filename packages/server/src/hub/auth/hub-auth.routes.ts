import { HUB_UNITS, ZHubMe, ZHubSetMembershipRequest, ZHubUnit } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor, unitOf } from "./hub.policy";
import { setHubMembership } from "./hub-units.service";
import { listOrgKeys, setOrgKeyStatus } from "./org-keys.service";

const ZOrgKey = z.object({
  id: z.string(),
  fingerprint: z.string(),
  orgName: z.string(),
  unitId: z.int(),
  status: z.enum(["pending", "active", "revoked"]),
  registeredAt: z.string(),
  confirmedAt: z.string().nullable(),
});

/** Who am I in the hub, the unit list, memberships and organisation-key enrolment. */
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
        assertHubCan(actor, "unit.manage");
        return setHubMembership(deps.db, contextOf(request), actor, request.body);
      },
    );
    app.get(
      "/api/hub/org-keys",
      {
        schema: {
          tags: ["hub"],
          summary: "報告組織の鍵 / Reporting organisations' keys",
          response: { 200: z.array(ZOrgKey) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "unit.manage");
        return listOrgKeys(deps.db, actor);
      },
    );
    app.post(
      "/api/hub/org-keys/:id/status",
      {
        schema: {
          tags: ["hub"],
          summary: "鍵の確認・失効 / Confirm or revoke an organisation key",
          params: z.object({ id: z.uuid() }),
          body: z.object({ status: z.enum(["active", "revoked"]) }),
          response: { 200: z.object({ id: z.string(), status: z.string() }) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "unit.manage");
        return setOrgKeyStatus(deps.db, contextOf(request), actor, request.params.id, request.body.status);
      },
    );
  };
}
