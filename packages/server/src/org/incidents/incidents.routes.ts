import {
  ZCreateIncidentRequest,
  ZIncidentDetail,
  ZIncidentIdParams,
  ZIncidentListResponse,
  ZIncidentTeamResponse,
  ZSetIncidentTeamRequest,
  ZUpcomingDeadlinesResponse,
  ZUpdateIncidentRequest,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { listUpcomingDeadlines, viewIncident } from "./incident-detail.service";
import { incidentExportRoutes } from "./incident-exports.routes";
import { incidentJudgementRoutes } from "./incident-judgement.routes";
import { listIncidentTeam, setIncidentTeam } from "./incident-team.service";
import { incidentWorkRoutes } from "./incident-work.routes";
import { createIncident, listIncidents, updateIncident } from "./incidents.service";

const tags = ["incidents"];

/** Incidents (issue 5): one plugin registering the incident, work and export routes. */
export function incidentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = (request: Parameters<typeof contextOf>[0]) => {
      const actor = requireActor(request);
      return { ...contextOf(request), actor };
    };

    app.get(
      "/api/incidents",
      {
        schema: {
          tags,
          summary: "インシデント一覧 / List incidents",
          response: { 200: ZIncidentListResponse },
        },
      },
      async (request) => {
        const rows = await listIncidents(deps.db, ctx(request));
        return {
          incidents: rows.map((r) => ({
            id: r.id,
            reference: r.reference,
            status: r.status,
            title: r.title,
            symptoms: r.symptoms as z.infer<typeof ZIncidentListResponse>["incidents"][number]["symptoms"],
            discoveredAt: r.discoveredAt?.toISOString() ?? null,
            updatedAt: r.updatedAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      "/api/incidents",
      {
        schema: {
          tags,
          summary: "インシデントを開く（下書き）/ Open a draft incident",
          body: ZCreateIncidentRequest,
          response: { 201: z.object({ id: z.string(), reference: z.string() }) },
        },
      },
      async (request, reply) => {
        const row = await createIncident(deps.db, ctx(request), request.body);
        return reply.status(201).send({ id: row.id, reference: row.reference });
      },
    );

    app.get(
      "/api/incidents/deadlines/upcoming",
      {
        schema: {
          tags,
          summary: "近づく報告期限（ダッシュボード）/ Upcoming reporting deadlines (dashboard)",
          response: { 200: ZUpcomingDeadlinesResponse },
        },
      },
      async (request) => ({ deadlines: await listUpcomingDeadlines(deps.db, ctx(request)) }),
    );

    app.get(
      "/api/incidents/team",
      {
        schema: {
          tags,
          summary: "インシデント対応チーム / Incident team (admins)",
          response: { 200: ZIncidentTeamResponse },
        },
      },
      async (request) => ({ members: await listIncidentTeam(deps.db, ctx(request)) }),
    );

    app.put(
      "/api/incidents/team",
      {
        schema: {
          tags,
          summary: "インシデント対応チームの設定 / Set the incident team (admins)",
          body: ZSetIncidentTeamRequest,
          response: { 200: ZIncidentTeamResponse },
        },
      },
      async (request) => {
        await setIncidentTeam(deps.db, ctx(request), request.body.userIds);
        return { members: await listIncidentTeam(deps.db, ctx(request)) };
      },
    );

    app.get(
      "/api/incidents/:id",
      {
        schema: {
          tags,
          summary: "インシデント（閲覧は監査記録）/ An incident (every view is audited)",
          params: ZIncidentIdParams,
          response: { 200: ZIncidentDetail },
        },
      },
      async (request) => viewIncident(deps.db, ctx(request), request.params.id),
    );

    app.patch(
      "/api/incidents/:id",
      {
        schema: {
          tags,
          summary: "インシデントの更新（ウィザードの各段階）/ Update an incident (each wizard step)",
          params: ZIncidentIdParams,
          body: ZUpdateIncidentRequest,
          response: { 200: z.object({ id: z.string(), status: z.string(), updatedAt: z.string() }) },
        },
      },
      async (request) => {
        const row = await updateIncident(deps.db, ctx(request), request.params.id, request.body);
        return { id: row.id, status: row.status, updatedAt: row.updatedAt.toISOString() };
      },
    );

    await app.register(incidentWorkRoutes(deps));
    await app.register(incidentJudgementRoutes(deps));
    await app.register(incidentExportRoutes(deps));
  };
}
