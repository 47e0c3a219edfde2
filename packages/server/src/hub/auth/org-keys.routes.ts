import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { loadHubKeyring } from "../store/hub-keyring";
import { assertHubCan, requireHubActor } from "./hub.policy";
import { getOrgKeyForConfirmation, listOrgKeys, setOrgKeyStatus } from "./org-keys.service";

const ZKeyStatus = z.enum(["pending", "active", "revoked"]);
const ZOrgKey = z.object({
  id: z.string(),
  fingerprint: z.string(),
  orgName: z.string(),
  unitId: z.int(),
  status: ZKeyStatus,
  registeredAt: z.string(),
  confirmedAt: z.string().nullable(),
  /** An earlier key (not revoked) already used this organisation name: possibly an impostor. */
  nameClaimedEarlier: z.boolean(),
});
const ZOrgKeyConfirmation = z.object({
  key: ZOrgKey,
  claimed: z.object({
    signedOrgName: z.string(),
    packageOrgName: z.string().nullable(),
    packagePrefecture: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    latestReference: z.string().nullable(),
    latestReceivedAt: z.string().nullable(),
    reportCount: z.int(),
  }),
  sameNameKeys: z.array(
    z.object({ fingerprint: z.string(), status: ZKeyStatus, unitId: z.int(), registeredAt: z.string() }),
  ),
});

/** Organisation-key enrolment: list, compare fingerprint with the claimed details, confirm or revoke. */
export function orgKeysRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
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
        assertHubCan(actor, "keys.manage");
        return listOrgKeys(deps.db, contextOf(request), actor);
      },
    );
    app.get(
      "/api/hub/org-keys/:id",
      {
        schema: {
          tags: ["hub"],
          summary: "鍵の確認画面 / A key's fingerprint beside the organisation's claimed details",
          params: z.object({ id: z.uuid() }),
          response: { 200: ZOrgKeyConfirmation },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "keys.manage");
        return getOrgKeyForConfirmation(
          deps.db,
          contextOf(request),
          loadHubKeyring(deps.config.dataDir),
          actor,
          request.params.id,
        );
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
        return setOrgKeyStatus(deps.db, contextOf(request), actor, request.params.id, request.body.status);
      },
    );
  };
}
