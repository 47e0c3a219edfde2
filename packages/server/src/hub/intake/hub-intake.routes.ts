import multipart from "@fastify/multipart";
import {
  AppError,
  ZHubPowChallenge,
  ZHubPublicSubmission,
  ZHubReceipt,
  ZHubReporterView,
  ZHubSignedRequest,
} from "@sonae/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { sendError } from "../../platform/plugins/error-handler";
import {
  getReporterViewByReceipt,
  handleOrgCaseRequest,
  loadByReceipt,
  postReporterMessageByReceipt,
} from "../messages/messages.service";
import { loadHubKeyring } from "../store/hub-keyring";
import { addAttachment, MAX_ATTACHMENT_BYTES } from "./attachments.service";
import { IntakeBusyError } from "./intake-batcher";
import { issueChallenge, powBits } from "./proof-of-work.service";
import { submitPublic } from "./public-intake.service";
import { signedIntakeBatchers, submitSigned } from "./signed-intake.service";
import { LaneRefusal } from "./unconfirmed-lane-limits";

/** Machine-to-machine prefix: outside /api/, so no session cookie and no CSRF apply (Ed25519 signs each request). */
export const HUB_MACHINE_PREFIX = "/hub-api/v1";

function receiptToken(request: FastifyRequest): string {
  const header = request.headers["x-receipt-token"];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token || token.length > 100) throw new AppError("NOT_FOUND");
  return token;
}

const ZReference = z.object({ reference: z.string().regex(/^HUB-\d{8}-[0-9A-Z]{10}$/) });

/** Intake: signed organisation submissions, the public form with proof of work, receipts. */
export function hubIntakeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const ring = () => loadHubKeyring(deps.config.dataDir);
  const bits = powBits();
  const signedRate = Number(process.env.SONAE_HUB_SIGNED_RATE ?? 100_000);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
    // Graceful shutdown: submissions already queued are written (and answered) before the pool closes.
    app.addHook("onClose", async () => {
      const lanes = signedIntakeBatchers(deps.db);
      await Promise.all([lanes.confirmed.drain(), lanes.unconfirmed.drain()]);
    });

    app.post(
      `${HUB_MACHINE_PREFIX}/submissions`,
      {
        bodyLimit: 4 * 1024 * 1024,
        config: { rateLimit: { max: signedRate, timeWindow: "1 minute" } },
        schema: {
          tags: ["hub"],
          summary: "組織からの署名付き報告 / Signed submission from an organisation (Ed25519)",
          security: [],
          body: ZHubSignedRequest,
          response: { 200: ZHubReceipt, 201: ZHubReceipt },
        },
      },
      async (request, reply) => {
        try {
          const { receipt, created } = await submitSigned(deps.db, contextOf(request), ring(), request.body);
          return reply.status(created ? 201 : 200).send(receipt);
        } catch (error) {
          // Back-pressure and quotas, not faults: answered here so the error handler does not log them.
          if (!(error instanceof IntakeBusyError || error instanceof LaneRefusal)) throw error;
          if (error.retryAfterSeconds > 0) reply.header("retry-after", String(error.retryAfterSeconds));
          return sendError(request, reply, error);
        }
      },
    );

    app.post(
      `${HUB_MACHINE_PREFIX}/cases`,
      {
        config: { rateLimit: { max: 600, timeWindow: "1 minute" } },
        schema: {
          tags: ["hub"],
          summary: "組織による状況照会・返信 / Organisation's signed status request or reply",
          security: [],
          body: ZHubSignedRequest,
          response: { 200: ZHubReporterView },
        },
      },
      async (request) => handleOrgCaseRequest(deps.db, contextOf(request), ring(), request.body),
    );

    app.get(
      "/api/hub/public/challenge",
      {
        config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
        schema: {
          tags: ["hub"],
          summary: "フォーム用の計算課題 / Proof-of-work challenge",
          security: [],
          response: { 200: ZHubPowChallenge },
        },
      },
      async () => issueChallenge(ring().powKey, bits),
    );

    app.post(
      "/api/hub/public/reports",
      {
        config: { rateLimit: { max: 10, timeWindow: "10 minutes" } },
        schema: {
          tags: ["hub"],
          summary: "一般向けフォームからの通報・相談・情報提供 / Public report, consultation or information",
          security: [],
          body: ZHubPublicSubmission,
          response: { 201: ZHubReceipt },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await submitPublic(deps.db, contextOf(request), ring(), bits, request.body)),
    );

    app.get(
      "/api/hub/public/cases/:reference",
      {
        config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
        schema: {
          tags: ["hub"],
          summary: "受付番号とトークンによる状況確認 / Status by receipt (x-receipt-token header)",
          security: [],
          params: ZReference,
          response: { 200: ZHubReporterView },
        },
      },
      async (request) =>
        getReporterViewByReceipt(
          deps.db,
          contextOf(request),
          ring(),
          request.params.reference,
          receiptToken(request),
        ),
    );

    app.post(
      "/api/hub/public/cases/:reference/messages",
      {
        config: { rateLimit: { max: 30, timeWindow: "10 minutes" } },
        schema: {
          tags: ["hub"],
          summary: "通報者からの返信 / Reporter's reply by receipt",
          security: [],
          params: ZReference,
          body: z.object({ body: z.string().trim().min(1).max(10_000) }),
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await postReporterMessageByReceipt(
              deps.db,
              contextOf(request),
              ring(),
              request.params.reference,
              receiptToken(request),
              request.body.body,
            ),
          ),
    );

    app.post(
      "/api/hub/public/cases/:reference/attachments",
      {
        config: { rateLimit: { max: 30, timeWindow: "10 minutes" } },
        schema: {
          tags: ["hub"],
          summary: "添付ファイルの追加(multipart, 10 MiB まで) / Add an attachment (multipart, up to 10 MiB)",
          security: [],
          params: ZReference,
          response: { 201: z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.int() }) },
        },
      },
      async (request, reply) => {
        const row = await loadByReceipt(deps.db, request.params.reference, receiptToken(request));
        const file = await request.file();
        if (!file) throw new AppError("VALIDATION", { field: "file" });
        const saved = await addAttachment(deps.db, contextOf(request), ring(), row.id, {
          fileName: file.filename,
          mimeType: file.mimetype,
          stream: file.file,
          truncated: () => file.file.truncated,
        });
        return reply.status(201).send(saved);
      },
    );
  };
}
