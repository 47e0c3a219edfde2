import { PassThrough } from "node:stream";
import {
  ZDetectionView,
  ZEvidenceIncidentParams,
  ZEvidenceParams,
  ZTimelinePage,
  ZTimelineQueryView,
  ZTriageRun,
} from "@sonae/core";
import { queryTimeline, writeTimelineCsv, writeTimelineJsonl } from "@sonae/triage";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { assertEvidenceAccess, findBundle } from "../evidence/evidence.service";
import {
  failInterruptedRuns,
  listRuns,
  loadIncidentTriage,
  presentRun,
  recordTimelineExport,
  runningTriage,
  startTriage,
} from "./triage.service";

const tags = ["triage"];
const ZExportParams = ZEvidenceIncidentParams.extend({ format: z.enum(["csv", "jsonl"]) });

/** Triage of stored bundles: start a run, poll it, query the merged timeline and detections, export. */
export function triageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook("onClose", async () => {
      await Promise.allSettled([...runningTriage]);
    });
    // Runs run in this process: one still "running" at start-up was cut off by a restart.
    app.addHook("onReady", async () => {
      await failInterruptedRuns(deps.db);
    });

    app.post(
      "/api/incidents/:id/evidence/:sha256/triage",
      {
        schema: {
          tags,
          summary: "証拠バンドルのトリアージ開始 / Start triage of a stored bundle",
          params: ZEvidenceParams,
          response: { 202: ZTriageRun },
        },
      },
      async (request, reply) => {
        const ctx = { ...contextOf(request), actor: requireActor(request) };
        await assertEvidenceAccess(deps.db, ctx.actor, request.params.id, true);
        const bundle = await findBundle(deps.db, ctx.actor, request.params.id, request.params.sha256);
        const run = await startTriage(deps, ctx, bundle);
        return reply.status(202).send(presentRun(run, bundle.sha256));
      },
    );

    app.get(
      "/api/incidents/:id/triage/runs",
      {
        schema: {
          tags,
          summary: "トリアージの実行状況 / Triage runs and their progress",
          params: ZEvidenceIncidentParams,
          response: { 200: z.array(ZTriageRun) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await assertEvidenceAccess(deps.db, actor, request.params.id, false);
        return (await listRuns(deps.db, actor, request.params.id)).map(({ run, sha256 }) =>
          presentRun(run, sha256),
        );
      },
    );

    app.get(
      "/api/incidents/:id/triage/timeline",
      {
        schema: {
          tags,
          summary:
            "証拠から作成したタイムライン（絞り込み・並べ替え・ページ）/ Evidence timeline (filter, sort, page)",
          params: ZEvidenceIncidentParams,
          querystring: ZTimelineQueryView,
          response: { 200: ZTimelinePage },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await assertEvidenceAccess(deps.db, actor, request.params.id, false);
        const { events, detections } = await loadIncidentTriage(deps, actor, request.params.id);
        const page = queryTimeline(events, detections, request.query);
        return {
          ...page,
          sources: [...new Set(events.map((e) => e.source))].sort(),
          hosts: [...new Set(events.map((e) => e.host))].sort(),
        };
      },
    );

    app.get(
      "/api/incidents/:id/triage/detections",
      {
        schema: {
          tags,
          summary: "検知（重大度順）/ Detections, most severe first",
          params: ZEvidenceIncidentParams,
          response: { 200: z.array(ZDetectionView) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await assertEvidenceAccess(deps.db, actor, request.params.id, false);
        return (await loadIncidentTriage(deps, actor, request.params.id)).detections;
      },
    );

    app.get(
      "/api/incidents/:id/triage/export/:format",
      {
        schema: {
          tags,
          summary:
            "タイムラインの出力（CSVはExcel対応、監査記録）/ Export the timeline (Excel-safe CSV or JSONL, audited)",
          params: ZExportParams,
          querystring: ZTimelineQueryView.omit({ offset: true, limit: true }),
        },
      },
      async (request, reply) => {
        const ctx = { ...contextOf(request), actor: requireActor(request) };
        const { id, format } = request.params;
        await assertEvidenceAccess(deps.db, ctx.actor, id, false);
        const { runs, events, detections } = await loadIncidentTriage(deps, ctx.actor, id);
        const rows = filterAll(events, detections, request.query);
        await recordTimelineExport(
          deps.db,
          ctx,
          id,
          runs.map((r) => r.run.bundleId),
          format,
          rows.length,
        );
        const body = new PassThrough();
        void (format === "csv" ? writeTimelineCsv(rows, body) : writeTimelineJsonl(rows, body)).then(
          () => body.end(),
          (error: unknown) => body.destroy(error as Error),
        );
        return reply
          .type(format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
          .header("content-disposition", `attachment; filename="timeline-${id.slice(0, 8)}.${format}"`)
          .header("cache-control", "no-store")
          .send(body);
      },
    );
  };
}

/** Every event matching the filters (queryTimeline pages at most 5000, an export takes all). */
function filterAll(
  events: Parameters<typeof queryTimeline>[0],
  detections: Parameters<typeof queryTimeline>[1],
  query: Parameters<typeof queryTimeline>[2],
) {
  const out: typeof events = [];
  for (let offset = 0; ; offset += 5000) {
    const page = queryTimeline(events, detections, { ...query, offset, limit: 5000 });
    out.push(...page.events);
    if (offset + 5000 >= page.total) return out;
  }
}
