import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app-deps";
import type { AfterSetup } from "../platform/setup/setup.service";
import type { BeforeUserDisabled } from "../platform/users/users.service";
import { hubAdvisoriesRoutes } from "./advisories/hub-advisories.routes";
import { hubAuthRoutes } from "./auth/hub-auth.routes";
import {
  assertNotLastNationalAdminUser,
  ensureNationalAdmin,
  grantFirstNationalAdmin,
} from "./auth/hub-memberships.service";
import { seedHubUnits } from "./auth/hub-units.service";
import { orgKeysRoutes } from "./auth/org-keys.routes";
import { unitAuditRoutes } from "./auth/unit-audit.routes";
import { hubCardsRoutes } from "./cards/hub-cards.routes";
import { hubCasesRoutes } from "./cases/hub-cases.routes";
import { hubCorrelationRoutes } from "./correlation/hub-correlation.routes";
import { hubIntakeRoutes } from "./intake/hub-intake.routes";
import { partnerApiRoutes } from "./phishing/partner-api.routes";
import { phishingRoutes } from "./phishing/phishing.routes";
import { seedUrlFeeds } from "./phishing/url-feeds-seed";
import { hubStatsRoutes } from "./stats/hub-stats.routes";
import { loadHubKeyring } from "./store/hub-keyring";

/**
 * The police/CSIRT side (the hub), registered in one place. Only a server started with
 * SONAE_MODE=hub gets these routes; an organisation's instance exposes none of them. On start the
 * units and the starting URL feeds are seeded (idempotent) and the KEK is loaded or created, so a missing key fails at start,
 * not at the first report.
 */
export async function registerHub(app: FastifyInstance, deps: AppDeps): Promise<void> {
  if (deps.config.mode !== "hub") return;
  loadHubKeyring(deps.config.dataDir);
  const startCtx = { actor: null, ip: null, userAgent: "sonae-hub-start" };
  await seedHubUnits(deps.db, startCtx);
  await seedUrlFeeds(deps.db);
  await ensureNationalAdmin(deps.db, startCtx);
  await app.register(hubAuthRoutes(deps));
  await app.register(orgKeysRoutes(deps));
  await app.register(unitAuditRoutes(deps));
  await app.register(hubIntakeRoutes(deps));
  await app.register(hubCasesRoutes(deps));
  await app.register(hubCorrelationRoutes(deps));
  await app.register(hubStatsRoutes(deps));
  await app.register(hubAdvisoriesRoutes(deps));
  await app.register(phishingRoutes(deps));
  await app.register(partnerApiRoutes(deps));
  await app.register(hubCardsRoutes(deps));
}

/** On a hub, first-run setup makes its administrator the first national unit admin (explicitly). */
export function hubAfterSetup(deps: AppDeps): AfterSetup | undefined {
  if (deps.config.mode !== "hub") return undefined;
  return (tx, ctx, admin) => grantFirstNationalAdmin(tx, ctx, admin);
}

/** On a hub, the /users page cannot deactivate the last active national unit admin (409). */
export function hubBeforeUserDisabled(deps: AppDeps): BeforeUserDisabled | undefined {
  if (deps.config.mode !== "hub") return undefined;
  return assertNotLastNationalAdminUser;
}
