import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app-deps";
import { assessmentRoutes } from "./assessment/assessment.routes";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { backupsRoutes } from "./backups/backups.routes";
import { contactsRoutes } from "./contacts/contacts.routes";
import { devicesRoutes } from "./devices/devices.routes";
import { drillsRoutes } from "./drills/drills.routes";
import { evidenceRoutes } from "./evidence/evidence.routes";
import { hubRoutes } from "./hub/hub.routes";
import { incidentsRoutes } from "./incidents/incidents.routes";
import { kevRoutes } from "./kev/kev.routes";
import { logSourcesRoutes } from "./log-sources/log-sources.routes";
import { networkRoutes } from "./network/network.routes";
import { organisationRoutes } from "./organisation/organisation.routes";
import { plansRoutes } from "./plans/plans.routes";
import { ransomwareRoutes } from "./ransomware/ransomware.routes";
import { setupRoutes } from "./setup/setup.routes";
import { triageRoutes } from "./triage/triage.routes";
import { usersRoutes } from "./users/users.routes";

/**
 * Every area's routes, registered in one place. An area adds one line here and keeps
 * everything else in its own folder under modules/.
 */
export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(setupRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(organisationRoutes(deps));
  await app.register(usersRoutes(deps));
  await app.register(auditRoutes(deps));
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
  await app.register(hubRoutes(deps));
  await app.register(evidenceRoutes(deps));
  await app.register(triageRoutes(deps));
  await app.register(ransomwareRoutes(deps));
}
