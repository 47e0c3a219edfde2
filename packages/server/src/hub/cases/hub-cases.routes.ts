import {
  ZHubCaseDetail,
  ZHubCaseUpdateRequest,
  ZHubPostMessageRequest,
  ZHubQueuePage,
  ZHubQueueQuery,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor } from "../auth/hub.policy";
import { postPoliceMessage } from "../messages/messages.service";
import { loadHubKeyring } from "../store/hub-keyring";
import { exportCasePdf } from "./case-export.service";
import { getCase, listAssignees, readAttachment, updateCase } from "./cases.service";
import { listQueue } from "./queue.service";

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
          summary:
            "受付キュー(並べ替え・検索・絞り込み・キーセット方式のページ送り) / Queue: sorted, searched, filtered, keyset-paged",
          querystring: ZHubQueueQuery,
          response: { 200: ZHubQueuePage },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "queue.read");
        return listQueue(deps.db, contextOf(request), ring(), actor, request.query);
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
    app.get(
      "/api/hub/cases/:id/assignees",
      {
        schema: {
          tags: ["hub"],
          summary: "担当者に指定できる人 / People the case may be assigned to",
          params: ZId,
          response: {
            200: z.array(
              z.object({ userId: z.string(), displayName: z.string(), email: z.string(), unitId: z.int() }),
            ),
          },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return listAssignees(deps.db, contextOf(request), actor, request.params.id);
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
      "/api/hub/cases/:id/export.pdf",
      {
        schema: {
          tags: ["hub"],
          summary:
            "事案のPDF出力(報告パッケージ・メッセージ・対応履歴・監査記録) / Case as PDF for the file: report package, messages, actions, audit trail",
          params: ZId,
          querystring: z.object({ lang: z.enum(["ja", "en"]).default("ja") }),
        },
      },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        const { reference, pdf } = await exportCasePdf(
          deps.db,
          contextOf(request),
          ring(),
          actor,
          request.params.id,
          request.query.lang,
        );
        // Shown inline so the officer can print it from the browser's viewer; never cached.
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", `inline; filename="${reference}.pdf"`)
          .header("cache-control", "no-store")
          .header("x-content-type-options", "nosniff")
          .send(pdf);
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
