import { ZHubStats, ZHubStatsQuery } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor } from "../auth/hub.policy";
import { getHubStats, statsToCsv } from "./stats.service";

/** Statistics over the unit's visible reports, as JSON for the page and CSV for spreadsheets. */
export function hubStatsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/hub/stats",
      {
        schema: {
          tags: ["hub"],
          summary: "統計 / Statistics of the reports my unit may see",
          querystring: ZHubStatsQuery,
          response: { 200: ZHubStats },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "stats.read");
        return getHubStats(deps.db, contextOf(request), actor, request.query);
      },
    );
    app.get(
      "/api/hub/stats.csv",
      {
        schema: {
          tags: ["hub"],
          summary: "統計 CSV / Statistics as CSV (UTF-8 with BOM)",
          querystring: ZHubStatsQuery,
        },
      },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "stats.read");
        const stats = await getHubStats(deps.db, contextOf(request), actor, request.query, "csv");
        const name = `sonae-hub-stats-${stats.from}-${stats.to}.csv`;
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(statsToCsv(stats));
      },
    );
  };
}
