import {
  ZBusinessFunction,
  ZBusinessFunctionList,
  ZCreateBusinessFunctionRequest,
  ZGeneratePlanRequest,
  ZPlanDiff,
  ZPlanDiffQuery,
  ZPlanDocument,
  ZPlanDocumentKind,
  ZPlanDocumentList,
  ZPlanFormat,
  ZPlanReviewStatus,
  ZUpdateBusinessFunctionRequest,
} from "@sonae/core";
import { ZLang } from "@sonae/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import {
  createBusinessFunction,
  deleteBusinessFunction,
  findBusinessFunctions,
  updateBusinessFunction,
} from "./business-functions.service";
import {
  approvePlanDocument,
  diffPlanVersions,
  downloadPlanDocument,
  findPlanDocuments,
  generatePlanDocument,
} from "./plan-documents.service";
import { getPlanReviewStatus } from "./plan-review.service";
import { presentBusinessFunction, presentPlanDocument } from "./plans.present";

const tags = ["plans"];
const ZIdParams = z.object({ id: z.uuid() });
const ZVersionParams = z.object({ kind: ZPlanDocumentKind, version: z.coerce.number().int().min(1) });

/** Business functions (BCP input), generated plan versions, approval, downloads, diffs, review status. */
export function plansRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/plans/business-functions",
      {
        schema: { tags, summary: "業務一覧 / Business functions", response: { 200: ZBusinessFunctionList } },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const rows = await findBusinessFunctions(deps.db, actor.organisationId);
        return { items: rows.map(presentBusinessFunction) };
      },
    );

    app.post(
      "/api/plans/business-functions",
      {
        schema: {
          tags,
          summary: "業務の追加 / Add a business function",
          body: ZCreateBusinessFunctionRequest,
          response: { 201: ZBusinessFunction },
        },
      },
      async (request, reply) => {
        assertCan(requireActor(request), "record.write");
        const row = await createBusinessFunction(deps.db, contextOf(request), request.body);
        return reply.code(201).send(presentBusinessFunction(row));
      },
    );

    app.put(
      "/api/plans/business-functions/:id",
      {
        schema: {
          tags,
          summary: "業務の更新 / Update a business function",
          params: ZIdParams,
          body: ZUpdateBusinessFunctionRequest,
          response: { 200: ZBusinessFunction },
        },
      },
      async (request) => {
        assertCan(requireActor(request), "record.write");
        const row = await updateBusinessFunction(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body,
        );
        return presentBusinessFunction(row);
      },
    );

    app.delete(
      "/api/plans/business-functions/:id",
      {
        schema: {
          tags,
          summary: "業務の削除 / Delete a business function",
          params: ZIdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        assertCan(requireActor(request), "record.write");
        await deleteBusinessFunction(deps.db, contextOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/plans/documents",
      {
        schema: {
          tags,
          summary: "生成した文書の版 / Document versions",
          response: { 200: ZPlanDocumentList },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const rows = await findPlanDocuments(deps.db, actor.organisationId);
        const today = new Date();
        return { items: rows.map((row) => presentPlanDocument(row, today)) };
      },
    );

    app.post(
      "/api/plans/documents",
      {
        schema: {
          tags,
          summary: "文書の生成（新しい版）/ Generate a new version",
          body: ZGeneratePlanRequest,
          response: { 201: ZPlanDocument },
        },
      },
      async (request, reply) => {
        assertCan(requireActor(request), "record.write");
        const row = await generatePlanDocument(deps.db, contextOf(request), request.body.kind);
        return reply.code(201).send(presentPlanDocument(row, new Date()));
      },
    );

    app.post(
      "/api/plans/documents/:kind/:version/approve",
      {
        schema: {
          tags,
          summary: "版の承認（管理者）/ Approve a version (admins)",
          params: ZVersionParams,
          response: { 200: ZPlanDocument },
        },
      },
      async (request) => {
        requireActor(request);
        const { kind, version } = request.params;
        const row = await approvePlanDocument(deps.db, contextOf(request), kind, version);
        return presentPlanDocument(row, new Date());
      },
    );

    app.get(
      "/api/plans/documents/:kind/:version/download",
      {
        schema: {
          tags,
          summary: "PDF・オフラインHTMLのダウンロード（記録される）/ Download PDF or offline HTML (audited)",
          params: ZVersionParams,
          querystring: z.object({ format: ZPlanFormat.default("pdf"), lang: ZLang.default("ja") }),
        },
      },
      async (request, reply) => {
        assertCan(requireActor(request), "record.read");
        const file = await downloadPlanDocument(deps.db, contextOf(request), {
          ...request.params,
          ...request.query,
        });
        return reply
          .header("content-type", file.contentType)
          .header("content-disposition", `attachment; filename="${file.filename}"`)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    );

    app.get(
      "/api/plans/documents/:kind/diff",
      {
        schema: {
          tags,
          summary: "版の差分 / Diff between two versions",
          params: z.object({ kind: ZPlanDocumentKind }),
          querystring: ZPlanDiffQuery,
          response: { 200: ZPlanDiff },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const { from, to } = request.query;
        return diffPlanVersions(deps.db, actor.organisationId, request.params.kind, from, to);
      },
    );

    app.get(
      "/api/plans/review-status",
      {
        schema: {
          tags,
          summary: "年次見直しの状況 / Yearly review status",
          response: { 200: ZPlanReviewStatus },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getPlanReviewStatus(deps.db, actor.organisationId, new Date());
      },
    );
  };
}
