import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { hubAdvisoriesRoutes } from "../hub-advisories/hub-advisories.routes";
import { hubAuthRoutes } from "../hub-auth/hub-auth.routes";
import { seedHubUnits } from "../hub-auth/hub-units.service";
import { hubCasesRoutes } from "../hub-cases/hub-cases.routes";
import { hubLinkRoutes } from "../hub-client/hub-link.routes";
import { hubCorrelationRoutes } from "../hub-correlation/hub-correlation.routes";
import { hubIntakeRoutes } from "../hub-intake/hub-intake.routes";
import { hubStatsRoutes } from "../hub-stats/hub-stats.routes";
import { loadHubKeyring } from "../hub-store/hub-keyring";

/**
 * The police/CSIRT hub (issue 9). Registered only when SONAE_MODE=hub: an organisation's instance
 * exposes none of these routes. On start the units are seeded (idempotent) and the KEK is loaded
 * or created, so a missing key fails at start, not at the first report.
 */
export function hubRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    if (deps.config.mode !== "hub") {
      // An organisation instance gets only the client side: report to a hub, read status, reply.
      await app.register(hubLinkRoutes(deps));
      return;
    }
    loadHubKeyring(deps.config.dataDir);
    await seedHubUnits(deps.db, { actor: null, ip: null, userAgent: "sonae-hub-start" });
    await app.register(hubAuthRoutes(deps));
    await app.register(hubIntakeRoutes(deps));
    await app.register(hubCasesRoutes(deps));
    await app.register(hubCorrelationRoutes(deps));
    await app.register(hubStatsRoutes(deps));
    await app.register(hubAdvisoriesRoutes(deps));
  };
}
