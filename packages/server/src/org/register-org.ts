import { AppError } from "@sonae/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app-deps";
import { assessmentRoutes } from "./assessment/assessment.routes";
import { backupsRoutes } from "./backups/backups.routes";
import { contactsRoutes } from "./contacts/contacts.routes";
import { devicesRoutes } from "./devices/devices.routes";
import { drillsRoutes } from "./drills/drills.routes";
import { evidenceRoutes } from "./evidence/evidence.routes";
import { kitUploadRoutes } from "./evidence/kit-upload.routes";
import { signerKeyRoutes } from "./evidence/signer-keys.routes";
import { hubLinkRoutes } from "./hub-client/hub-link.routes";
import { incidentsRoutes } from "./incidents/incidents.routes";
import { kevRoutes } from "./kev/kev.routes";
import { logSourcesRoutes } from "./log-sources/log-sources.routes";
import { networkRoutes } from "./network/network.routes";
import { organisationRoutes } from "./organisation/organisation.routes";
import { plansRoutes } from "./plans/plans.routes";
import { ransomwareRoutes } from "./ransomware/ransomware.routes";
import { triageRoutes } from "./triage/triage.routes";

/**
 * The organisation side (peacetime record, plans and drills, incidents, evidence, triage and the
 * client that reports to a hub), registered in one place.
 */
export async function registerOrg(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(organisationRoutes(deps));
  // On a hub the users are police staff: the organisation-side records (readiness, plans,
  // incidents, evidence…) of the hub's own operator organisation are neither shown nor written.
  await app.register(async (scope) => {
    if (deps.config.mode === "hub") scope.addHook("onRequest", refuseOnHub);
    await registerOrgRecords(scope, deps);
  });
}

async function refuseOnHub() {
  throw new AppError("FORBIDDEN", {
    detail: {
      ja: "警察・CSIRT のハブでは組織側の機能(備え・計画・インシデント等)は使えません。",
      en: "Organisation-side features (readiness, plans, incidents…) are not available on a police/CSIRT hub.",
    },
  });
}

async function registerOrgRecords(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(backupsRoutes(deps));
  await app.register(logSourcesRoutes(deps));
  await app.register(networkRoutes(deps));
  await app.register(assessmentRoutes(deps));
  await app.register(contactsRoutes(deps));
  await app.register(devicesRoutes(deps));
  await app.register(kevRoutes(deps));
  await app.register(incidentsRoutes(deps));
  await app.register(plansRoutes(deps));
  await app.register(drillsRoutes(deps));
  // A hub itself does not report to a hub: the client routes exist only on an organisation's instance.
  if (deps.config.mode !== "hub") await app.register(hubLinkRoutes(deps));
  await app.register(evidenceRoutes(deps));
  await app.register(signerKeyRoutes(deps));
  await app.register(kitUploadRoutes(deps));
  await app.register(triageRoutes(deps));
  await app.register(ransomwareRoutes(deps));
}
