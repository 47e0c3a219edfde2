import { ZHubCaseDetail, ZHubCaseSummary, ZHubCaseUpdateRequest, ZHubPostMessageRequest } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor } from "../auth/hub.policy";
import { postPoliceMessage } from "../messages/messages.service";
import { loadHubKeyring } from "../store/hub-keyring";
import { getCase, listCases, readAttachment, updateCase } from "./cases.service";

const ZId = z.object({ id: z.uuid() });

/** Queue, case page, triage actions, police messages, attachment download. */
export function hubCasesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const ring = () => loadHubKeyring(deps.config.dataDir);
  return async (app) => {
    app.get(
      "/api/hub/cases",
      {
        schema: {
          tags: ["hub"],
          summary: "受付キュー / Queue of my unit",
          response: { 200: z.array(ZHubCaseSummary) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "queue.read");
        return listCases(deps.db, contextOf(request), ring(), actor);
      },
    );
    app.get(
      "/api/hub/cases/:id",
      { schema: { tags: ["hub"], summary: "事案 / Case", params: ZId, response: { 200: ZHubCaseDetail } } },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return getCase(deps.db, contextOf(request), ring(), actor, request.params.id);
      },
    );
    app.post(
      "/api/hub/cases/:id/actions",
      {
        schema: {
          tags: ["hub"],
          summary:
            "受理・分類・優先度・担当・移送・上申 / Acknowledge, classify, prioritise, assign, transfer, escalate",
          params: ZId,
          body: ZHubCaseUpdateRequest,
          response: { 200: z.object({ id: z.string() }) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return updateCase(deps.db, contextOf(request), actor, request.params.id, request.body);
      },
    );
    app.post(
      "/api/hub/cases/:id/messages",
      {
        schema: {
          tags: ["hub"],
          summary: "通報者へのメッセージ / Message to the reporter",
          params: ZId,
          body: ZHubPostMessageRequest,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        return reply
          .status(201)
          .send(
            await postPoliceMessage(
              deps.db,
              contextOf(request),
              ring(),
              actor,
              request.params.id,
              request.body,
            ),
          );
      },
    );
    app.get(
      "/api/hub/cases/:id/attachments/:attachmentId",
      {
        schema: {
          tags: ["hub"],
          summary: "添付ファイル / Attachment (download)",
          params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        const file = await readAttachment(
          deps.db,
          contextOf(request),
          ring(),
          actor,
          request.params.id,
          request.params.attachmentId,
        );
        // Always a download, never rendered: attachments are attacker-influenced content.
        return reply
          .header("content-type", "application/octet-stream")
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(file.meta.fileName)}`,
          )
          .header("x-content-type-options", "nosniff")
          .send(file.bytes);
      },
    );
  };
}
