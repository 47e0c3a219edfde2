import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app-deps";
import { hubAdvisoriesRoutes } from "./advisories/hub-advisories.routes";
import { hubAuthRoutes } from "./auth/hub-auth.routes";
import { seedHubUnits } from "./auth/hub-units.service";
import { hubCasesRoutes } from "./cases/hub-cases.routes";
import { hubCorrelationRoutes } from "./correlation/hub-correlation.routes";
import { hubIntakeRoutes } from "./intake/hub-intake.routes";
import { hubStatsRoutes } from "./stats/hub-stats.routes";
import { loadHubKeyring } from "./store/hub-keyring";

/**
 * The police/CSIRT side (the hub), registered in one place. Only a server started with
 * SONAE_MODE=hub gets these routes; an organisation's instance exposes none of them. On start the
 * units are seeded (idempotent) and the KEK is loaded or created, so a missing key fails at start,
 * not at the first report.
 */
export async function registerHub(app: FastifyInstance, deps: AppDeps): Promise<void> {
  if (deps.config.mode !== "hub") return;
  loadHubKeyring(deps.config.dataDir);
  await seedHubUnits(deps.db, { actor: null, ip: null, userAgent: "sonae-hub-start" });
  await app.register(hubAuthRoutes(deps));
  await app.register(hubIntakeRoutes(deps));
  await app.register(hubCasesRoutes(deps));
  await app.register(hubCorrelationRoutes(deps));
  await app.register(hubStatsRoutes(deps));
  await app.register(hubAdvisoriesRoutes(deps));
}
