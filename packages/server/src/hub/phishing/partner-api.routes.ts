import { AppError, ZUrlBatchResult } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { sendError } from "../../platform/plugins/error-handler";
import { HUB_MACHINE_PREFIX } from "../intake/hub-intake.routes";
import { QuotaExceeded, submitPartnerBatch } from "./partner-intake.service";
import { BATCH_LIMITS, batchFormatOf } from "./url-batch-parse";
import { pullFeed } from "./url-feeds.service";
import { partnerOfToken } from "./url-partners.service";
import { findPartnerSubmissions } from "./url-queries.service";

const ZFeedQuery = z.object({
  since: z.coerce.number().int().min(0).optional(),
  format: z.enum(["txt", "csv", "stix"]).default("txt"),
});

/**
 * The partner API (outside /api/: no cookie, no CSRF; a Bearer partner token per request). Bodies
 * are taken as text here (JSON lines, CSV, STIX) and parsed line by line by url-batch-parse.ts.
 */
export function partnerApiRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      "*",
      { parseAs: "string", bodyLimit: BATCH_LIMITS.maxBodyBytes },
      (_req, body, done) => done(null, body),
    );

    app.post(
      `${HUB_MACHINE_PREFIX}/urls`,
      {
        bodyLimit: BATCH_LIMITS.maxBodyBytes,
        config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
        schema: {
          tags: ["hub"],
          summary:
            "パートナーからのURL一括送信(JSON Lines / CSV / STIX 2.1) / Partner URL batch (JSON lines, CSV, STIX 2.1 bundle; Bearer token)",
          security: [],
          response: { 200: ZUrlBatchResult },
        },
      },
      async (request, reply) => {
        const partner = await partnerOfToken(deps.db, request.headers.authorization);
        const format = batchFormatOf(request.headers["content-type"]);
        if (!format)
          throw new AppError("VALIDATION", {
            field: "content-type",
            detail: {
              ja: "Content-Type は application/x-ndjson(JSON Lines)、text/csv、application/stix+json のいずれかにしてください。",
              en: "Content-Type must be application/x-ndjson (JSON lines), text/csv or application/stix+json.",
            },
          });
        try {
          return await submitPartnerBatch(
            deps.db,
            contextOf(request),
            partner,
            format,
            String(request.body ?? ""),
          );
        } catch (error) {
          if (!(error instanceof QuotaExceeded)) throw error;
          reply.header("retry-after", String(error.retryAfterSeconds));
          return sendError(request, reply, error);
        }
      },
    );

    app.get(
      `${HUB_MACHINE_PREFIX}/urls`,
      {
        config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
        schema: {
          tags: ["hub"],
          summary: "自パートナーの送信と現在の判定 / The partner's own submissions and their current state",
          security: [],
          querystring: z.object({ before: z.coerce.number().int().positive().optional() }),
        },
      },
      async (request) => {
        const partner = await partnerOfToken(deps.db, request.headers.authorization);
        return { items: await findPartnerSubmissions(deps.db, partner.id, request.query.before) };
      },
    );

    const feedRoute =
      (withdrawals: boolean) =>
      async (
        request: {
          headers: { authorization?: string };
          params: { name: string };
          query: z.infer<typeof ZFeedQuery>;
        },
        reply: import("fastify").FastifyReply,
        ctx: ReturnType<typeof contextOf>,
      ) => {
        const partner = await partnerOfToken(deps.db, request.headers.authorization);
        const answer = await pullFeed(
          deps.db,
          ctx,
          partner,
          request.params.name,
          request.query.format,
          request.query.since ?? null,
          withdrawals,
        );
        reply.header("content-type", answer.contentType);
        reply.header("x-sonae-cursor", String(answer.cursor));
        if (answer.more) reply.header("x-sonae-more", "1");
        return reply.send(answer.body);
      };
    const feedSchema = (summary: string) => ({
      tags: ["hub"],
      summary,
      security: [],
      params: z.object({ name: z.string().regex(/^[a-z0-9-]{1,50}$/) }),
      querystring: ZFeedQuery,
    });
    app.get(
      `${HUB_MACHINE_PREFIX}/feeds/:name`,
      {
        config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
        schema: feedSchema(
          "URLフィード(全件、または since 以降の追加・取下げ) / URL feed: full, or additions and withdrawals since a cursor",
        ),
      },
      (request, reply) => feedRoute(false)(request, reply, contextOf(request)),
    );
    app.get(
      `${HUB_MACHINE_PREFIX}/feeds/:name/withdrawals`,
      {
        config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
        schema: feedSchema("since 以降に取り下げたURL / URLs withdrawn since a cursor"),
      },
      (request, reply) => feedRoute(true)(request, reply, contextOf(request)),
    );
  };
}
