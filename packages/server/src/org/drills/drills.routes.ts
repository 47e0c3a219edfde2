import {
  ZDrill,
  ZDrillFinding,
  ZDrillFindingList,
  ZDrillHistory,
  ZDrillScenarioList,
  ZFinishDrillRequest,
  ZRecordDecisionRequest,
  ZStartDrillRequest,
} from "@sonae/core";
import { ZLang } from "@sonae/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { findOpenDrillFindings, getDrillHistory } from "./drill-history.service";
import { findDrillScenarios, getDrillScenario, summariseScenario } from "./drill-scenarios";
import { presentDrillFinding } from "./drills.present";
import {
  closeDrillFinding,
  finishDrill,
  getDrill,
  recordDrillDecision,
  revealNextInject,
  startDrill,
} from "./drills.service";
import { renderDrillReportPdf } from "./render-drill-report-pdf";

const tags = ["drills"];
const ZIdParams = z.object({ id: z.uuid() });

/** Tabletop drills: scenarios, the runner (injects, decisions), finish, after-action report, findings. */
export function drillsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/drills/scenarios",
      { schema: { tags, summary: "訓練シナリオ / Drill scenarios", response: { 200: ZDrillScenarioList } } },
      async (request) => {
        assertCan(requireActor(request), "record.read");
        return { items: findDrillScenarios().map(summariseScenario) };
      },
    );

    app.get(
      "/api/drills",
      { schema: { tags, summary: "訓練の履歴 / Drill history", response: { 200: ZDrillHistory } } },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return { items: await getDrillHistory(deps.db, actor.organisationId) };
      },
    );

    app.get(
      "/api/drills/findings",
      { schema: { tags, summary: "未対応の指摘事項 / Open findings", response: { 200: ZDrillFindingList } } },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return { items: await findOpenDrillFindings(deps.db, actor.organisationId) };
      },
    );

    app.post(
      "/api/drills",
      {
        schema: {
          tags,
          summary: "訓練の開始 / Start a drill",
          body: ZStartDrillRequest,
          response: { 201: ZDrill },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        const run = await startDrill(deps.db, contextOf(request), request.body);
        return reply.code(201).send(await getDrill(deps.db, actor.organisationId, run.id));
      },
    );

    app.get(
      "/api/drills/:id",
      { schema: { tags, summary: "訓練の状況 / Drill state", params: ZIdParams, response: { 200: ZDrill } } },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getDrill(deps.db, actor.organisationId, request.params.id);
      },
    );

    app.post(
      "/api/drills/:id/next-inject",
      {
        schema: {
          tags,
          summary: "次の状況付与（進行役）/ Reveal the next inject (facilitated)",
          params: ZIdParams,
          response: { 200: ZDrill },
        },
      },
      async (request) => {
        assertCan(requireActor(request), "record.write");
        return revealNextInject(deps.db, contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/drills/:id/decisions",
      {
        schema: {
          tags,
          summary: "判断の記録 / Record a decision",
          params: ZIdParams,
          body: ZRecordDecisionRequest,
          response: { 200: ZDrill },
        },
      },
      async (request) => {
        assertCan(requireActor(request), "record.write");
        return recordDrillDecision(deps.db, contextOf(request), request.params.id, request.body);
      },
    );

    app.post(
      "/api/drills/:id/finish",
      {
        schema: {
          tags,
          summary: "訓練の終了と事後報告 / Finish and write the after-action report",
          params: ZIdParams,
          body: ZFinishDrillRequest,
          response: { 200: ZDrill },
        },
      },
      async (request) => {
        assertCan(requireActor(request), "record.write");
        return finishDrill(deps.db, contextOf(request), request.params.id, request.body);
      },
    );

    app.get(
      "/api/drills/:id/report.pdf",
      {
        schema: {
          tags,
          summary: "事後報告書PDF（記録される）/ After-action report PDF (audited)",
          params: ZIdParams,
          querystring: z.object({ lang: ZLang.default("ja") }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const drill = await getDrill(deps.db, actor.organisationId, request.params.id);
        const pdf = await renderDrillReportPdf(
          drill,
          getDrillScenario(drill.scenario.id),
          request.query.lang,
        );
        await deps.db.transaction((tx) =>
          recordAudit(tx, contextOf(request), { type: "plans.drill_report_downloaded", drillId: drill.id }),
        );
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", `attachment; filename="sonae-drill-${drill.id}.pdf"`)
          .header("cache-control", "no-store")
          .send(pdf);
      },
    );

    app.post(
      "/api/drills/findings/:id/close",
      {
        schema: {
          tags,
          summary: "指摘事項の完了 / Close a finding",
          params: ZIdParams,
          response: { 200: ZDrillFinding },
        },
      },
      async (request) => {
        assertCan(requireActor(request), "record.write");
        return presentDrillFinding(await closeDrillFinding(deps.db, contextOf(request), request.params.id));
      },
    );
  };
}
