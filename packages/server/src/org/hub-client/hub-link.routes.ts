import { ZHubAdvisoryFeed, ZHubReporterView } from "@sonae/core";
import { ZReportPackageModel } from "@sonae/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { fetchAdvisoryFeed } from "./advisory-feed";
import { getHubStatus, listOutbox, replyOnHub, sendToHub } from "./hub-link.service";
import { loadOrCreateOrgHubKey } from "./org-key-store";

const ZOutboxEntry = z.object({
  reference: z.string(),
  hubUrl: z.string(),
  incidentId: z.string().nullable(),
  title: z.string(),
  createdAt: z.string(),
});

const present = (r: {
  reference: string;
  hubUrl: string;
  incidentId: string | null;
  title: string;
  createdAt: Date;
}) => ({
  reference: r.reference,
  hubUrl: r.hubUrl,
  incidentId: r.incidentId,
  title: r.title,
  createdAt: r.createdAt.toISOString(),
});

const ZRef = z.object({ reference: z.string().regex(/^HUB-\d{8}-[0-9A-Z]{10}$/) });

/** Organisation side of the hub: "report to the police", status and messages, replies. */
export function hubLinkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const dataDir = deps.config.dataDir;
  return async (app) => {
    app.get(
      "/api/hub-link",
      {
        schema: {
          tags: ["hub-link"],
          summary:
            "警察への報告(送信済み一覧と鍵の指紋) / Reports sent to the police and this instance's key fingerprint",
          response: {
            200: z.object({
              fingerprint: z.string(),
              defaultHubUrl: z.string().nullable(),
              sent: z.array(ZOutboxEntry),
            }),
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const rows = await listOutbox(deps.db, actor.organisationId);
        return {
          fingerprint: loadOrCreateOrgHubKey(dataDir).fingerprint,
          defaultHubUrl: process.env.SONAE_HUB_URL ?? null,
          sent: rows.map(present),
        };
      },
    );
    app.get(
      "/api/hub-link/advisories",
      {
        schema: {
          tags: ["hub-link"],
          summary: "警察からの注意喚起(自県と全国) / Police advisories for this prefecture and nationwide",
          querystring: z.object({ hubUrl: z.string().max(500).optional() }),
          response: { 200: ZHubAdvisoryFeed.nullable() },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return fetchAdvisoryFeed(deps.db, actor.organisationId, request.query.hubUrl);
      },
    );
    app.post(
      "/api/hub-link/submissions",
      {
        schema: {
          tags: ["hub-link"],
          summary:
            "警察へ報告する(署名して送信) / Report to the police (signed submission to the hub; admins)",
          body: z.object({
            hubUrl: z.string().max(500),
            prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/),
            incidentId: z.uuid().optional(),
            payload: ZReportPackageModel,
          }),
          response: { 201: ZOutboxEntry.extend({ keyStatus: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "organisation.update");
        const row = await sendToHub(deps.db, { ...contextOf(request), actor }, dataDir, request.body);
        return reply.status(201).send({ ...present(row), keyStatus: row.keyStatus });
      },
    );
    app.get(
      "/api/hub-link/submissions/:reference",
      {
        schema: {
          tags: ["hub-link"],
          summary: "報告の状況と警察からのメッセージ / Status and police messages",
          params: ZRef,
          response: { 200: ZHubReporterView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const view = await getHubStatus(deps.db, actor.organisationId, dataDir, request.params.reference);
        await recordAudit(deps.db, contextOf(request), {
          type: "hub.status_fetched",
          reference: request.params.reference,
        });
        return view;
      },
    );
    app.post(
      "/api/hub-link/submissions/:reference/replies",
      {
        schema: {
          tags: ["hub-link"],
          summary: "警察への返信 / Reply to the police",
          params: ZRef,
          body: z.object({ message: z.string().trim().min(1).max(10_000) }),
          response: { 200: ZHubReporterView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return replyOnHub(
          deps.db,
          { ...contextOf(request), actor },
          dataDir,
          request.params.reference,
          request.body.message,
        );
      },
    );
  };
}
